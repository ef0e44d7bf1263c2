package io.badges.query.verification;

import io.badges.vocabulary.image.BadgeImages;
import io.badges.vocabulary.image.ImageType;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class VerificationController {

    private static final String SVG = "image/svg+xml";

    private static final String VC_LD = "application/vc+ld+json";
    private static final String VC = "application/vc";
    private static final String JWT = "application/jwt";

    private final Verifications verifications;

    VerificationController(Verifications verifications) {
        this.verifications = verifications;
    }

    @GetMapping("/api/v1/assertions/{id}/verify")
    VerificationResult verifyOwn(@PathVariable String id, @RequestParam(required = false) String recipient) {
        return verifications.ownAssertion(id, blankToNull(recipient));
    }

    /**
     * Body: an OB 2.0 assertion (JSON, hosted), an OB 3.0 credential with a Data Integrity proof
     * (application/json, application/vc+ld+json, application/vc), a compact JWS (text/plain,
     * application/jwt, a JSON string, {"jws": ...} or {"jwt": ...}): a VC-JWT when its payload is a
     * credential or has a {@code vc} claim, an OB 2.0 signed assertion otherwise; or {"url": ...}, the
     * credential published at that URL.
     */
    @PostMapping(value = "/api/v1/verify", consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE,
            VC_LD, VC, JWT})
    VerificationResult verifyPresented(@RequestBody String body,
                                       @RequestHeader(value = "Content-Type") String contentType,
                                       @RequestParam(required = false) String recipient) {
        String who = blankToNull(recipient);
        if (contentType.startsWith(MediaType.TEXT_PLAIN_VALUE) || contentType.startsWith(JWT)) {
            return verifications.compact(body, who);
        }
        return verifications.json(body, who);
    }

    /** Body: a baked badge image, PNG or SVG, as it is. */
    @PostMapping(value = "/api/v1/verify", consumes = {MediaType.IMAGE_PNG_VALUE, SVG})
    VerificationResult verifyImage(HttpServletRequest request, @RequestHeader(value = "Content-Type") String contentType,
                                   @RequestParam(required = false) String recipient) throws IOException {
        byte[] image = BakedCredentials.readBody(request.getInputStream(), request.getContentLengthLong());
        return verifications.image(image, ImageType.ofMediaType(contentType).orElseThrow(), blankToNull(recipient));
    }

    /**
     * A baked badge image uploaded as the form field {@code file}, its type read from its bytes.
     * An upload over the multipart limits (application.yml) is refused before it gets here, with 413.
     */
    @PostMapping(value = "/api/v1/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    VerificationResult verifyUpload(@RequestPart("file") MultipartFile file,
                                    @RequestParam(required = false) String recipient) throws IOException {
        if (file.getSize() > BadgeImages.MAX_BYTES) {
            throw BakedCredentials.tooLarge("the image has " + file.getSize() + " bytes; at most "
                    + BadgeImages.MAX_BYTES + " are accepted");
        }
        return verifications.image(file.getBytes(), null, blankToNull(recipient));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
