package io.badges.command.assertion;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokeAssertion(@TargetAggregateIdentifier String assertionId, String reason, Instant at) {
}
