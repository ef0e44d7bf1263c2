package io.badges.events.issuer;

import io.badges.events.BadgeEvent;
import java.time.Instant;

/**
 * The issuer published a new verification key. Only the public half travels (X.509 SubjectPublicKeyInfo
 * PEM, whatever the algorithm); the private key never leaves the command side. Older keys stay
 * published (rotation). {@code algorithm} (v2): {@code RS256} (OB 2.0 signed assertions; absent in v1
 * events), {@code Ed25519} (OB 3.0 Data Integrity proofs, eddsa-rdfc-2022) or {@code ES256} (OB 3.0 VC-JWT).
 */
public record IssuerKeyAdded(
        int schemaVersion,
        String issuerId,
        String keyId,
        String publicKeyPem,
        Instant occurredAt,
        String algorithm) implements BadgeEvent {

    public static final int SCHEMA_VERSION = 2;
    public static final String RS256 = "RS256";
    public static final String ED25519 = "Ed25519";
    public static final String ES256 = "ES256";

    public IssuerKeyAdded {
        algorithm = algorithm == null ? RS256 : algorithm;
    }

    public IssuerKeyAdded(String issuerId, String keyId, String publicKeyPem, Instant occurredAt) {
        this(issuerId, keyId, publicKeyPem, occurredAt, RS256);
    }

    public IssuerKeyAdded(String issuerId, String keyId, String publicKeyPem, Instant occurredAt, String algorithm) {
        this(SCHEMA_VERSION, issuerId, keyId, publicKeyPem, occurredAt, algorithm);
    }

    @Override
    public String aggregateId() {
        return issuerId;
    }
}
