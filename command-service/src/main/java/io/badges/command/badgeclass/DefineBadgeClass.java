package io.badges.command.badgeclass;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DefineBadgeClass(@TargetAggregateIdentifier String badgeClassId, String issuerId,
                               BadgeClassDefinition definition, Instant at) {
}
