package io.badges.query.verification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.query.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class VerificationController {

    private final OwnAssertionVerifier own;
    private final PresentedCredentialVerifier presented;
    private final ObjectMapper json;

    VerificationController(OwnAssertionVerifier own, PresentedCredentialVerifier presented, ObjectMapper json) {
        this.own = own;
        this.presented = presented;
        this.json = json;
    }

    @GetMapping("/api/v1/assertions/{id}/verify")
    VerificationResult verifyOwn(@PathVariable String id, @RequestParam(required = false) String recipient) {
        return own.verify(id, blankToNull(recipient));
    }

    /**
     * Body: an OB 2.0 assertion (JSON, hosted), a compact JWS (text/plain, a JSON string or
     * {"jws": ...}). OB 3.0 credentials are recognised and refused with 422 for now.
     */
    @PostMapping(value = "/api/v1/verify", consumes = {MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE})
    VerificationResult verifyPresented(@RequestBody String body,
                                       @RequestHeader(value = "Content-Type") String contentType,
                                       @RequestParam(required = false) String recipient) {
        String who = blankToNull(recipient);
        if (contentType.startsWith(MediaType.TEXT_PLAIN_VALUE)) {
            return presented.signed(body, who);
        }
        JsonNode credential;
        try {
            credential = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
                    "the body is not well-formed JSON");
        }
        if (credential.isTextual()) {
            return presented.signed(credential.asText(), who);
        }
        if (credential.hasNonNull("jws")) {
            return presented.signed(credential.get("jws").asText(), who);
        }
        String types = credential.path("type").toString();
        if (types.contains("VerifiableCredential") || types.contains("OpenBadgeCredential")) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "unsupported-format", "Unsupported format",
                    "Open Badges 3.0 credentials are not verified by this version yet");
        }
        if (types.contains("Assertion")) {
            return presented.hosted(credential, who);
        }
        throw new ProblemException(HttpStatus.BAD_REQUEST, "not-a-credential", "Not an Open Badges credential",
                "expected an OB 2.0 Assertion, a compact JWS or {\"jws\": ...}");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
