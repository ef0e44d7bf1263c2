package io.badges.query.verification;

import io.badges.query.ProblemException;
import io.badges.vocabulary.image.BadImage;
import io.badges.vocabulary.image.BadgeImages;
import io.badges.vocabulary.image.ImageType;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;

/** Reads the credential baked into a presented badge image; what is wrong with it becomes a problem answer. */
final class BakedCredentials {

    private BakedCredentials() {
    }

    /**
     * The body of a request, at most {@link BadgeImages#MAX_BYTES} of it: a larger one is refused
     * from its Content-Length before it is read, or once one byte too many was read.
     */
    static byte[] readBody(InputStream body, long contentLength) throws IOException {
        if (contentLength > BadgeImages.MAX_BYTES) {
            throw tooLarge("the image has " + contentLength + " bytes; at most " + BadgeImages.MAX_BYTES
                    + " are accepted");
        }
        byte[] bytes = body.readNBytes(BadgeImages.MAX_BYTES + 1);
        if (bytes.length > BadgeImages.MAX_BYTES) {
            throw tooLarge("the image has more than " + BadgeImages.MAX_BYTES + " bytes; at most "
                    + BadgeImages.MAX_BYTES + " are accepted");
        }
        return bytes;
    }

    /**
     * The Open Badges data baked into {@code image}. {@code declared}: the type the request gave it,
     * null when it is only sniffed (a multipart file).
     */
    static BadgeImages.Unbaked read(byte[] image, ImageType declared) {
        try {
            if (declared != null) {
                ImageType actual = ImageType.sniff(image).orElse(null);
                if (actual != null && actual != declared) {
                    throw new BadImage("the image is " + actual.mediaType() + ", not " + declared.mediaType());
                }
            }
            BadgeImages.Unbaked unbaked = BadgeImages.unbake(image).orElse(null);
            if (unbaked == null || unbaked.data().isBlank()) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "no-badge-data", "No badge data",
                        "the image holds no Open Badges data");
            }
            return unbaked;
        } catch (BadgeImages.TooLarge e) {
            throw tooLarge(e.getMessage());
        } catch (BadImage e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "bad-image", "Bad image", e.getMessage());
        }
    }

    static ProblemException tooLarge(String detail) {
        return new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, "image-too-large", "Image too large", detail);
    }
}
