package io.badges.command.issuer;

/** What other aggregates may ask about issuers. */
public interface Issuers {

    boolean exists(String issuerId);

    /** The issuer's current profile, if it exists. */
    java.util.Optional<IssuerProfile> profile(String issuerId);
}
