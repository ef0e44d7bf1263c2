package io.badges.query.image;

import io.badges.query.NotFound;
import io.badges.query.ProblemException;
import io.badges.query.assertion.AssertionDocuments;
import io.badges.query.assertion.AssertionView;
import io.badges.query.assertion.AssertionViewStore;
import io.badges.vocabulary.PublicUrls;
import io.badges.vocabulary.image.BadgeImages;
import io.badges.vocabulary.image.ImageType;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The badge image of an assertion, with the assertion baked in (Open Badges baking specification):
 * a hosted one as its URL and its document, exactly the bytes served at that URL; a signed one as
 * its compact JWS. A badge class whose picture is only the issuer's URL bakes into its generated
 * picture: fetching the other server's image would make this route an SSRF tool and tie it to that
 * server, and the issuer's URL stays the badge class's image for anyone who shows it.
 */
@RestController
class AssertionImageController {

    private final AssertionViewStore assertions;
    private final AssertionDocuments documents;
    private final BadgeImageStore pictures;
    private final BakedImages baked;
    private final PublicUrls urls;

    AssertionImageController(AssertionViewStore assertions, AssertionDocuments documents, BadgeImageStore pictures,
                             BakedImages baked, PublicUrls urls) {
        this.assertions = assertions;
        this.documents = documents;
        this.pictures = pictures;
        this.baked = baked;
        this.urls = urls;
    }

    @GetMapping(PublicUrls.ASSERTION_IMAGE)
    ResponseEntity<byte[]> image(@PathVariable String id,
                                 @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        // the cached view carries the revocation (invalidated when it commits): checked on every request
        AssertionView view = assertions.find(id).orElseThrow(() -> new NotFound("assertion", id));
        if (view.revoked()) {
            String reason = view.revocationReason();
            throw new ProblemException(HttpStatus.GONE, "revoked", "Revoked", "assertion " + id + " was revoked"
                    + (reason == null || reason.isBlank() ? "" : ": " + reason));
        }
        String badgeClassId = view.badgeClass().id();
        BadgeImage picture = pictures.find(badgeClassId).orElseThrow(() -> new NotFound("badge class", badgeClassId));
        BakedImages.Baked image = baked.get(new BakedImages.Key(id, BadgeImages.Generation.OB2, picture.sha256()), () -> bake(view, picture));
        ImageType type = ImageType.ofMediaType(image.mediaType()).orElseThrow();
        return ImageResponses.image(ifNoneMatch, image.mediaType(), image.bytes(), image.sha256(),
                "badge-" + id + (type == ImageType.PNG ? ".png" : ".svg"));
    }

    private BakedImages.Baked bake(AssertionView view, BadgeImage picture) {
        BadgeImages.Image image = new BadgeImages.Image(ImageType.ofMediaType(picture.mediaType()).orElseThrow(),
                picture.bytes());
        byte[] bytes = view.signature() != null
                ? BadgeImages.bakeSigned(image, view.signature())
                : BadgeImages.bakeHosted(image, urls.assertion(view.id()),
                        new String(documents.hosted(view), StandardCharsets.UTF_8));
        BadgeImages.Image result = new BadgeImages.Image(image.type(), bytes);
        return new BakedImages.Baked(view.badgeClass().id(), image.type().mediaType(), bytes, result.sha256());
    }
}
