package io.badges.command.issuer;

import io.badges.events.issuer.IssuerKeyAdded;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Publish a new public key; {@code algorithm} is one of {@link IssuerKeyAdded}'s (RS256, Ed25519, ES256). */
public record AddIssuerKey(@TargetAggregateIdentifier String issuerId, String keyId, String publicKeyPem, Instant at,
                           String algorithm) {

    public AddIssuerKey(String issuerId, String keyId, String publicKeyPem, Instant at) {
        this(issuerId, keyId, publicKeyPem, at, IssuerKeyAdded.RS256);
    }
}
