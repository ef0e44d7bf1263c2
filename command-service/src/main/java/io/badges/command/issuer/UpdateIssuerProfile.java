package io.badges.command.issuer;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UpdateIssuerProfile(@TargetAggregateIdentifier String issuerId, IssuerProfile profile, Instant at) {
}
