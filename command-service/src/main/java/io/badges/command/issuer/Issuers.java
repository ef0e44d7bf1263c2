package io.badges.command.issuer;

/** What other aggregates may ask about issuers. */
public interface Issuers {

    boolean exists(String issuerId);
}
