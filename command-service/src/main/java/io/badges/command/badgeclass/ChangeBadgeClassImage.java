package io.badges.command.badgeclass;

import io.badges.vocabulary.image.BadgeImages;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Host this checked picture for the badge class (PUT /api/v1/badge-classes/{id}/image). */
public record ChangeBadgeClassImage(@TargetAggregateIdentifier String badgeClassId, BadgeImages.Image image,
                                    Instant at) {
}
