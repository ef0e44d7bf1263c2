package io.badges.command.issuer;

import java.util.Optional;

/** What other features may read of an issuer's profile (an OB 3.0 credential embeds it). */
public interface IssuerProfiles {

    /** The issuer's current profile, if it exists. */
    Optional<IssuerProfile> profile(String issuerId);
}
