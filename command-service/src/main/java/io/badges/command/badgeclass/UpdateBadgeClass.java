package io.badges.command.badgeclass;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UpdateBadgeClass(@TargetAggregateIdentifier String badgeClassId, BadgeClassDefinition definition,
                               Instant at) {
}
