package io.badges.command.badgeclass;

import java.util.Optional;

/** What other features may read of a badge class's content (an OB 3.0 credential embeds it). */
public interface BadgeClassDefinitions {

    /** What a badge class says about itself now (its tags are not read), if it exists. */
    Optional<BadgeClassDefinition> definition(String badgeClassId);
}
