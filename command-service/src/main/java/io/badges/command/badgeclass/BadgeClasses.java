package io.badges.command.badgeclass;

import java.util.Optional;

/** What other aggregates may ask about badge classes. */
public interface BadgeClasses {

    /** The issuer of a badge class, if the badge class exists. */
    Optional<String> issuerOf(String badgeClassId);
}
