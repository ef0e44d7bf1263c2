package io.badges.command.issuer;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterIssuer(@TargetAggregateIdentifier String issuerId, IssuerProfile profile, Instant at) {
}
