package io.badges.query.image;

import io.badges.query.NotFound;
import io.badges.vocabulary.PublicUrls;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The image of a badge class, the {@code image} of its OB 2.0 document. */
@RestController
class BadgeImageController {

    private final BadgeImageStore pictures;

    BadgeImageController(BadgeImageStore pictures) {
        this.pictures = pictures;
    }

    /** The uploaded picture; else a redirect to the issuer's https picture; else the generated one. */
    @GetMapping(PublicUrls.BADGE_IMAGE)
    ResponseEntity<byte[]> image(@PathVariable String id,
                                 @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        BadgeImage picture = pictures.find(id).orElseThrow(() -> new NotFound("badge class", id));
        if (picture.externalUrl() != null) {
            return ImageResponses.redirect(picture.externalUrl());
        }
        return ImageResponses.image(ifNoneMatch, picture.mediaType(), picture.bytes(), picture.sha256(), null);
    }
}
