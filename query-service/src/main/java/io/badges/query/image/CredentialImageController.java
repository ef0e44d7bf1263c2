package io.badges.query.image;

import io.badges.query.NotFound;
import io.badges.query.ProblemException;
import io.badges.query.assertion.AssertionView;
import io.badges.query.assertion.AssertionViewStore;
import io.badges.query.credential.Credential;
import io.badges.query.credential.CredentialStore;
import io.badges.vocabulary.PublicUrls;
import io.badges.vocabulary.image.BadgeImages;
import io.badges.vocabulary.image.ImageType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The badge image of an OB 3.0 award with its credential baked in (OB 3.0 baking: PNG iTXt
 * {@code openbadgecredential}, SVG {@code openbadges:credential}), exactly the JSON-LD served at the
 * credential's id. Same picture, cache and headers as the OB 2.0 assertion images
 * ({@link AssertionImageController}); 410 once revoked, as they do.
 */
@RestController
class CredentialImageController {

    /** Beside the credential: {@code <credential id>/image}. */
    static final String PATH = PublicUrls.CREDENTIAL + "/image";

    private final AssertionViewStore assertions;
    private final CredentialStore credentials;
    private final BadgeImageStore pictures;
    private final BakedImages baked;

    CredentialImageController(AssertionViewStore assertions, CredentialStore credentials, BadgeImageStore pictures,
                              BakedImages baked) {
        this.assertions = assertions;
        this.credentials = credentials;
        this.pictures = pictures;
        this.baked = baked;
    }

    @GetMapping(PATH)
    ResponseEntity<byte[]> image(@PathVariable String id,
                                 @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        Credential credential = credentials.find(id).orElseThrow(() -> new NotFound("credential", id));
        // the cached view carries the revocation (invalidated when it commits): checked on every request
        AssertionView view = assertions.find(id).orElseThrow(() -> new NotFound("credential", id));
        if (view.revoked()) {
            String reason = view.revocationReason();
            throw new ProblemException(HttpStatus.GONE, "revoked", "Revoked", "credential " + id + " was revoked"
                    + (reason == null || reason.isBlank() ? "" : ": " + reason));
        }
        String badgeClassId = view.badgeClass().id();
        BadgeImage picture = pictures.find(badgeClassId).orElseThrow(() -> new NotFound("badge class", badgeClassId));
        BakedImages.Baked image = baked.get(new BakedImages.Key(id, BadgeImages.Generation.OB3, picture.sha256()),
                () -> bake(badgeClassId, credential, picture));
        ImageType type = ImageType.ofMediaType(image.mediaType()).orElseThrow();
        return ImageResponses.image(ifNoneMatch, image.mediaType(), image.bytes(), image.sha256(),
                "badge-" + id + (type == ImageType.PNG ? ".png" : ".svg"));
    }

    private static BakedImages.Baked bake(String badgeClassId, Credential credential, BadgeImage picture) {
        BadgeImages.Image image = new BadgeImages.Image(ImageType.ofMediaType(picture.mediaType()).orElseThrow(),
                picture.bytes());
        byte[] bytes = BadgeImages.bakeCredential(image, credential.json());
        return new BakedImages.Baked(badgeClassId, image.type().mediaType(), bytes,
                new BadgeImages.Image(image.type(), bytes).sha256());
    }
}
