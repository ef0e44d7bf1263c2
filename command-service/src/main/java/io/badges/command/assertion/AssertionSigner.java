package io.badges.command.assertion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import io.badges.command.issuer.IssuerKeyStore;
import io.badges.vocabulary.OpenBadges2;
import org.springframework.stereotype.Component;

/**
 * Signs an award as OB 2.0 requires: a compact JWS (RS256) whose payload is the Assertion document,
 * with {@code verification.creator} naming the public key under the public base URL.
 */
@Component
class AssertionSigner {

    private final ObjectMapper json;
    private final OpenBadges2 documents;

    AssertionSigner(ObjectMapper json, OpenBadges2 documents) {
        this.json = json;
        this.documents = documents;
    }

    String sign(IssueAssertion award, IssuerKeyStore.SigningKey key) {
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.RS256), new Payload(document(award, key.keyId())));
        try {
            jws.sign(new RSASSASigner(key.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the assertion", e);
        }
        return jws.serialize();
    }

    private String document(IssueAssertion award, String keyId) {
        try {
            return json.writeValueAsString(documents.signedAssertion(new OpenBadges2.Award(award.assertionId(),
                    award.recipient(), award.badgeClassId(), award.issuedOn(), award.expires(), award.evidence(),
                    award.narrative()), keyId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the assertion", e);
        }
    }
}
