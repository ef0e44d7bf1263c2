package io.badges.command.badgeclass;

import io.badges.vocabulary.image.BadgeImages;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code upload}: a picture given as a data: URI, to host (null: none, or an https URL in the definition). */
public record DefineBadgeClass(@TargetAggregateIdentifier String badgeClassId, String issuerId,
                               BadgeClassDefinition definition, BadgeImages.Image upload, Instant at) {

    public DefineBadgeClass(String badgeClassId, String issuerId, BadgeClassDefinition definition, Instant at) {
        this(badgeClassId, issuerId, definition, null, at);
    }
}
