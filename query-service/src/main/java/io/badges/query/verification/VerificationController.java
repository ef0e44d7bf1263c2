package io.badges.query.verification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.query.ProblemException;
import io.badges.vocabulary.image.BadgeImages;
import io.badges.vocabulary.image.ImageType;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.HttpStatus;
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

    private final OwnAssertionVerifier own;
    private final PresentedCredentialVerifier presented;
    private final OpenBadges3Verifier ob3;
    private final ObjectMapper json;

    VerificationController(OwnAssertionVerifier own, PresentedCredentialVerifier presented, OpenBadges3Verifier ob3,
                           ObjectMapper json) {
        this.own = own;
        this.presented = presented;
        this.ob3 = ob3;
        this.json = json;
    }

    @GetMapping("/api/v1/assertions/{id}/verify")
    VerificationResult verifyOwn(@PathVariable String id, @RequestParam(required = false) String recipient) {
        return own.verify(id, blankToNull(recipient));
    }

    /**
     * Body: an OB 2.0 assertion (JSON, hosted), an OB 3.0 credential with a Data Integrity proof
     * (application/json, application/vc+ld+json, application/vc), a compact JWS (text/plain,
     * application/jwt, a JSON string, {"jws": ...} or {"jwt": ...}): a VC-JWT when its payload is a
     * credential or has a {@code vc} claim, an OB 2.0 signed assertion otherwise.
     */
    @PostMapping(value = "/api/v1/verify", consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE,
            VC_LD, VC, JWT})
    VerificationResult verifyPresented(@RequestBody String body,
                                       @RequestHeader(value = "Content-Type") String contentType,
                                       @RequestParam(required = false) String recipient) {
        String who = blankToNull(recipient);
        if (contentType.startsWith(MediaType.TEXT_PLAIN_VALUE) || contentType.startsWith(JWT)) {
            return signed(body, who);
        }
        return verify(body, parse(body, "the body is not well-formed JSON"), who);
    }

    /** Body: a baked badge image, PNG or SVG, as it is. */
    @PostMapping(value = "/api/v1/verify", consumes = {MediaType.IMAGE_PNG_VALUE, SVG})
    VerificationResult verifyImage(HttpServletRequest request, @RequestHeader(value = "Content-Type") String contentType,
                                   @RequestParam(required = false) String recipient) throws IOException {
        byte[] image = BakedCredentials.readBody(request.getInputStream(), request.getContentLengthLong());
        return verifyBaked(BakedCredentials.read(image, ImageType.ofMediaType(contentType).orElseThrow()),
                blankToNull(recipient));
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
        return verifyBaked(BakedCredentials.read(file.getBytes(), null), blankToNull(recipient));
    }

    /**
     * What a badge image carries is verified as if it had been presented directly: the assertion
     * JSON (hosted), a compact JWS (signed), or an SVG's bare assertion URL, verified as the hosted
     * assertion at that URL. OB 3.0 data (a credential or a VC-JWT) goes the OB 3.0 way.
     */
    private VerificationResult verifyBaked(BadgeImages.Unbaked unbaked, String who) {
        String data = unbaked.data().strip();
        VerificationResult result;
        if (data.startsWith("{")) {
            result = verify(data, parse(data, "the badge data in the image is not well-formed JSON"), who);
        } else if (unbaked.generation() == BadgeImages.Generation.OB3
                && (data.startsWith("https://") || data.startsWith("http://"))) {
            throw ob3();
        } else if (data.startsWith("https://") || data.startsWith("http://")) {
            result = presented.hosted(json.createObjectNode().put("id", data), who);
        } else {
            result = signed(data, who);
        }
        return result.fromImage();
    }

    private JsonNode parse(String body, String malformed) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body", malformed);
        }
    }

    /** A compact JWS: a VC-JWT (OB 3.0) or an OB 2.0 signed assertion, told apart by its payload. */
    private VerificationResult signed(String compact, String who) {
        return OpenBadges3Verifier.isVcJwt(compact, json) ? ob3.jwt(compact, who) : presented.signed(compact, who);
    }

    private VerificationResult verify(String raw, JsonNode credential, String who) {
        if (credential.isTextual()) {
            return signed(credential.asText(), who);
        }
        if (credential.hasNonNull("jwt")) {
            return ob3.jwt(credential.get("jwt").asText(), who);
        }
        if (credential.hasNonNull("jws")) {
            return signed(credential.get("jws").asText(), who);
        }
        if (OpenBadges3Verifier.isCredential(credential)) {
            return ob3.linkedData(raw, who);
        }
        if (credential.path("type").toString().contains("Assertion")) {
            return presented.hosted(credential, who);
        }
        throw new ProblemException(HttpStatus.BAD_REQUEST, "not-a-credential", "Not an Open Badges credential",
                "expected an OB 2.0 Assertion, a compact JWS or {\"jws\": ...}");
    }

    private static ProblemException ob3() {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "unsupported-format", "Unsupported format",
                "an Open Badges 3.0 credential baked as a bare URL is not verified by this version");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
