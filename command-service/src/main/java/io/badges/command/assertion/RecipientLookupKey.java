package io.badges.command.assertion;

/** The recipient lookup key (see {@link io.badges.persistence.RecipientLookupKeys}). */
public record RecipientLookupKey(byte[] bytes) {
}
