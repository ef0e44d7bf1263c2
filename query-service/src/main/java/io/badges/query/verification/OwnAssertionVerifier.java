package io.badges.query.verification;

import com.nimbusds.jose.JWSObject;
import io.badges.query.NotFound;
import io.badges.query.assertion.AssertionView;
import io.badges.query.assertion.AssertionViewStore;
import io.badges.query.issuer.IssuerKeyViewStore;
import io.badges.vocabulary.PublicUrls;
import io.badges.vocabulary.RecipientIdentity;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Verifies one of our own assertions from the read model: no document is fetched. */
@Component
class OwnAssertionVerifier {

    /** Tolerated clock difference for "issued in the future". */
    static final Duration SKEW = Duration.ofMinutes(5);

    private final AssertionViewStore assertions;
    private final IssuerKeyViewStore keys;
    private final PublicUrls urls;
    private final Clock clock;

    OwnAssertionVerifier(AssertionViewStore assertions, IssuerKeyViewStore keys, PublicUrls urls, Clock clock) {
        this.assertions = assertions;
        this.keys = keys;
        this.urls = urls;
        this.clock = clock;
    }

    VerificationResult verify(String id, String recipient) {
        AssertionView view = assertions.find(id).orElseThrow(() -> new NotFound("assertion", id));
        VerificationResult.Builder result = new VerificationResult.Builder();
        Instant now = clock.instant();
        result.check("badge class present", view.badgeClass().name() != null, "badge class " + view.badgeClass().id());
        result.check("issuer present", view.issuer().name() != null, "issuer " + view.issuer().id());
        result.revoked(view.revoked());
        result.check("not revoked", !view.revoked(), view.revoked()
                ? "revoked: " + (view.revocationReason() == null ? "no reason given" : view.revocationReason())
                : "not revoked");
        boolean expired = view.expires() != null && !now.isBefore(view.expires());
        result.expired(expired);
        result.check("not expired", !expired, view.expires() == null ? "does not expire" : "expires " + view.expires());
        result.check("issued in the past", !view.issuedOn().isAfter(now.plus(SKEW)), "issued " + view.issuedOn());
        if (view.signature() != null) {
            result.check("signature valid", signatureValid(view), "RS256 by the issuer's published key");
        }
        if (recipient != null) {
            boolean matches = RecipientIdentity.matches(view.recipient().identity(), view.recipient().hashed(),
                    view.recipient().salt(), recipient);
            result.recipientMatches(matches);
            result.check("recipient matches", matches, matches ? "identity matches" : "identity does not match");
        }
        return result.build(view.signature() != null ? "ob20-signed" : "ob20-hosted");
    }

    /** The stored JWS verifies with the published key its {@code verification.creator} names, owned by this issuer. */
    private boolean signatureValid(AssertionView view) {
        try {
            JWSObject jws = JWSObject.parse(view.signature());
            Object verification = jws.getPayload().toJSONObject().get("verification");
            Object creator = verification instanceof java.util.Map<?, ?> map ? map.get("creator") : null;
            String prefix = urls.key("");
            if (!(creator instanceof String url) || !url.startsWith(prefix)) {
                return false;
            }
            Optional<IssuerKeyViewStore.KeyView> key = keys.find(url.substring(prefix.length()));
            return key.isPresent() && key.get().issuerId().equals(view.issuer().id())
                    && Signatures.verifiedBy(jws, key.get().publicKeyPem());
        } catch (ParseException e) {
            return false;
        }
    }
}
