package io.badges.events.assertion;

/**
 * The OB 2.0 IdentityObject. When {@code hashed} is true, {@code identity} is
 * {@code sha256$<hex of sha256(identity + salt)>} and the clear address is not kept anywhere.
 * When the issuer asked for an unhashed recipient, the identity is public by the issuer's choice.
 */
public record Recipient(String type, String identity, boolean hashed, String salt) {
}
