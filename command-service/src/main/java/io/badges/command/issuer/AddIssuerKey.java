package io.badges.command.issuer;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddIssuerKey(@TargetAggregateIdentifier String issuerId, String keyId, String publicKeyPem, Instant at) {
}
