package io.badges.command.badgeclass;

import io.badges.command.domain.RuleViolationException;
import io.badges.command.domain.TimeOrderedIds;
import io.badges.events.badgeclass.Criteria;
import io.badges.vocabulary.PublicUrls;
import io.badges.vocabulary.image.BadImage;
import io.badges.vocabulary.image.BadgeImages;
import io.badges.vocabulary.image.ImageType;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/badge-classes")
class BadgeClassController {

    private final CommandGateway commands;
    private final BadgeClassStore badgeClasses;
    private final PublicUrls urls;
    private final Clock clock;

    BadgeClassController(CommandGateway commands, BadgeClassStore badgeClasses, PublicUrls urls, Clock clock) {
        this.commands = commands;
        this.badgeClasses = badgeClasses;
        this.urls = urls;
        this.clock = clock;
    }

    /** {@code image}: the linked URL, or where the service hosts the uploaded picture. */
    record BadgeClassResponse(String id, String issuerId, String name, String description, String image,
                              Criteria criteria, List<String> tags) {

        static BadgeClassResponse of(String id, String issuerId, BadgeClassDefinition d, String image) {
            return new BadgeClassResponse(id, issuerId, d.name(), d.description(), image, d.criteria(), d.tags());
        }
    }

    /** The hosted picture: where it is served, its type, size and SHA-256 (its ETag there). */
    record ImageResponse(String id, String image, String mediaType, int bytes, String sha256) {
    }

    @PostMapping
    ResponseEntity<BadgeClassResponse> define(@Valid @RequestBody BadgeClassRequest request) {
        if (request.issuerId() == null || request.issuerId().isBlank()) {
            throw new RuleViolationException("issuerId", "must not be blank");
        }
        String id = TimeOrderedIds.next();
        ImageField image = request.imageField();
        BadgeClassDefinition definition = request.definition(image);
        commands.sendAndWait(new DefineBadgeClass(id, request.issuerId(), definition, image.upload(),
                clock.instant()));
        return ResponseEntity.created(URI.create("/api/v1/badge-classes/" + id))
                .body(BadgeClassResponse.of(id, request.issuerId(), definition, imageOf(id, image)));
    }

    @PutMapping("/{id}")
    ResponseEntity<BadgeClassResponse> update(@PathVariable String id, @Valid @RequestBody BadgeClassRequest request) {
        ImageField image = request.imageField();
        BadgeClassDefinition definition = request.definition(image);
        commands.sendAndWait(new UpdateBadgeClass(id, definition, image.upload(), clock.instant()));
        return ResponseEntity.ok(BadgeClassResponse.of(id, badgeClasses.issuerOf(id).orElse(null), definition,
                imageOf(id, image)));
    }

    /** The picture itself as the body, {@code image/png} or {@code image/svg+xml}, at most 512 KiB. */
    @PutMapping(value = "/{id}/image", consumes = {MediaType.IMAGE_PNG_VALUE, "image/svg+xml"})
    ResponseEntity<ImageResponse> image(@PathVariable String id,
                                        @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
                                        @RequestBody byte[] body) {
        ImageType type = ImageType.ofMediaType(contentType)
                .orElseThrow(() -> new BadImage("only image/png and image/svg+xml images are accepted"));
        BadgeImages.Image image = BadgeImages.upload(type, body);
        commands.sendAndWait(new ChangeBadgeClassImage(id, image, clock.instant()));
        return ResponseEntity.ok(new ImageResponse(id, urls.badgeImage(id), type.mediaType(), body.length,
                image.sha256()));
    }

    private String imageOf(String id, ImageField image) {
        return image.upload() != null ? urls.badgeImage(id) : image.url();
    }
}
