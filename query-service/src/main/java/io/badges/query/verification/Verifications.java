package io.badges.query.verification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.query.ProblemException;
import io.badges.vocabulary.image.BadgeImages;
import io.badges.vocabulary.image.ImageType;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The one entry point for verifying whatever a client presents, whichever page or API route it came
 * through: a badge of ours by id, a JSON document, a compact JWS or VC-JWT, a baked image, or a URL.
 * It tells the forms apart and hands each to the verifier of its format. {@code recipient} may be null.
 */
@Component
public class Verifications {

    private final OwnAssertionVerifier own;
    private final PresentedCredentialVerifier presented;
    private final OpenBadges3Verifier ob3;
    private final DocumentFetcher fetcher;
    private final ObjectMapper json;

    Verifications(OwnAssertionVerifier own, PresentedCredentialVerifier presented, OpenBadges3Verifier ob3,
                  DocumentFetcher fetcher, ObjectMapper json) {
        this.own = own;
        this.presented = presented;
        this.ob3 = ob3;
        this.fetcher = fetcher;
        this.json = json;
    }

    /** One of our own assertions, from the read model. */
    public VerificationResult ownAssertion(String id, String recipient) {
        return own.verify(id, recipient);
    }

    /**
     * A JSON body: an OB 2.0 assertion (hosted), an OB 3.0 credential, a JSON string holding a compact
     * JWS, {@code {"jws": ...}}, {@code {"jwt": ...}} or {@code {"url": ...}}.
     */
    public VerificationResult json(String body, String recipient) {
        return verify(body, parse(body, "the body is not well-formed JSON"), recipient, fetcher.budget());
    }

    /** A compact JWS: a VC-JWT (OB 3.0) or an OB 2.0 signed assertion, told apart by its payload. */
    public VerificationResult compact(String compact, String recipient) {
        return compact(compact, recipient, fetcher.budget());
    }

    private VerificationResult compact(String compact, String recipient, FetchBudget budget) {
        String token = compact.strip();
        return OpenBadges3Verifier.isVcJwt(token, json) ? ob3.jwt(token, recipient, budget)
                : presented.signed(token, recipient, budget);
    }

    /** A baked badge image; {@code declared}: the type the client gave it, null to read it from the bytes. */
    public VerificationResult image(byte[] image, ImageType declared, String recipient) {
        BadgeImages.Unbaked unbaked = BakedCredentials.read(image, declared);
        FetchBudget budget = fetcher.budget();
        String data = unbaked.data().strip();
        VerificationResult result;
        if (data.startsWith("{")) {
            result = verify(data, parse(data, "the badge data in the image is not well-formed JSON"), recipient, budget);
        } else if (isUrl(data)) {
            // an OB 2.0 SVG bakes the hosted assertion's URL; an OB 3.0 image may bake the credential's
            result = unbaked.generation() == BadgeImages.Generation.OB3
                    ? url(data, recipient, budget)
                    : presented.hosted(json.createObjectNode().put("id", data), recipient, budget);
        } else {
            result = compact(data, recipient, budget);
        }
        return result.fromImage();
    }

    /**
     * The credential published at {@code url}, loaded through the SSRF-safe fetcher: an OB 2.0 hosted
     * assertion, an OB 3.0 credential (JSON-LD) or a compact JWS / VC-JWT.
     */
    public VerificationResult url(String url, String recipient) {
        return url(url, recipient, fetcher.budget());
    }

    private VerificationResult url(String url, String recipient, FetchBudget budget) {
        if (!isUrl(url)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-url", "Invalid URL",
                    "url must be an http or https URL", "url");
        }
        DocumentFetcher.Fetched fetched;
        try {
            fetched = fetcher.fetch(url, budget);
        } catch (FetchException e) {
            throw unreadable(e.getMessage());
        }
        if (fetched.status() == 410) {
            // a revoked OB 2.0 assertion answers 410 with its id: the hosted verification says "revoked"
            return presented.hosted(json.createObjectNode().put("id", url), recipient, budget);
        }
        if (fetched.status() != 200) {
            throw unreadable(url + " answered " + fetched.status());
        }
        String body = fetched.body().strip();
        if (body.startsWith("{")) {
            JsonNode document = parse(body, url + " does not hold well-formed JSON");
            if (document.hasNonNull("url")) {
                throw unreadable(url + " holds a reference to another URL, not a credential");
            }
            return verify(body, document, recipient, budget);
        }
        if (body.chars().filter(c -> c == '.').count() == 2 && !body.contains(" ")) {
            return compact(body, recipient, budget);
        }
        throw unreadable(url + " holds neither JSON nor a compact JWS");
    }

    private VerificationResult verify(String raw, JsonNode credential, String recipient, FetchBudget budget) {
        if (credential.isTextual()) {
            return compact(credential.asText(), recipient, budget);
        }
        for (String field : new String[] {"jwt", "jws", "url"}) {
            if (credential.hasNonNull(field) && !credential.get(field).isTextual()) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                        field + " must be a string", field);
            }
        }
        if (credential.hasNonNull("jwt")) {
            return ob3.jwt(credential.get("jwt").asText().strip(), recipient, budget);
        }
        if (credential.hasNonNull("jws")) {
            return compact(credential.get("jws").asText(), recipient, budget);
        }
        if (credential.hasNonNull("url") && credential.size() == 1) {
            return url(credential.get("url").asText(), recipient, budget);
        }
        if (OpenBadges3Verifier.isCredential(credential)) {
            return ob3.linkedData(raw, recipient, budget);
        }
        if (credential.path("type").toString().contains("Assertion")) {
            return presented.hosted(credential, recipient, budget);
        }
        throw new ProblemException(HttpStatus.BAD_REQUEST, "not-a-credential", "Not an Open Badges credential",
                "expected an OB 2.0 Assertion, an OB 3.0 credential, a compact JWS or VC-JWT, {\"jws\": ...}, "
                        + "{\"jwt\": ...} or {\"url\": ...}");
    }

    private JsonNode parse(String body, String malformed) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body", malformed);
        }
    }

    private static ProblemException unreadable(String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "unreadable-url", "Nothing to verify at the URL",
                detail, "url");
    }

    private static boolean isUrl(String value) {
        return value.startsWith("https://") || value.startsWith("http://");
    }
}
