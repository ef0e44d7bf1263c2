package io.badges.command.assertion;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import io.badges.command.config.BadgesProperties;
import io.badges.command.issuer.IssuerKeyStore;
import io.badges.events.assertion.Evidence;
import org.springframework.stereotype.Component;

/**
 * Signs an award as OB 2.0 requires: a compact JWS (RS256) whose payload is the Assertion document,
 * with {@code verification.creator} naming the public key under the public base URL.
 */
@Component
class AssertionSigner {

    private final ObjectMapper json;
    private final String base;

    AssertionSigner(ObjectMapper json, BadgesProperties properties) {
        this.json = json;
        this.base = properties.publicBaseUrl();
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
        ObjectNode doc = json.createObjectNode();
        doc.put("@context", "https://w3id.org/openbadges/v2");
        doc.put("type", "Assertion");
        doc.put("id", base + "/public/assertions/" + award.assertionId());
        ObjectNode recipient = doc.putObject("recipient");
        recipient.put("type", award.recipient().type());
        recipient.put("hashed", award.recipient().hashed());
        if (award.recipient().salt() != null) {
            recipient.put("salt", award.recipient().salt());
        }
        recipient.put("identity", award.recipient().identity());
        doc.put("badge", base + "/public/badges/" + award.badgeClassId());
        doc.put("issuedOn", award.issuedOn().toString());
        if (award.expires() != null) {
            doc.put("expires", award.expires().toString());
        }
        if (!award.evidence().isEmpty()) {
            ArrayNode evidence = doc.putArray("evidence");
            for (Evidence e : award.evidence()) {
                ObjectNode item = evidence.addObject();
                if (e.url() != null) {
                    item.put("id", e.url());
                }
                if (e.narrative() != null) {
                    item.put("narrative", e.narrative());
                }
            }
        }
        if (award.narrative() != null) {
            doc.put("narrative", award.narrative());
        }
        ObjectNode verification = doc.putObject("verification");
        verification.put("type", "signed");
        verification.put("creator", base + "/public/keys/" + keyId);
        return doc.toString();
    }
}
