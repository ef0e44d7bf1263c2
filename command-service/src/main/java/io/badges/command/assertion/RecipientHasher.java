package io.badges.command.assertion;

import io.badges.events.assertion.Recipient;
import io.badges.events.assertion.RecipientLookup;
import io.badges.vocabulary.RecipientIdentity;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * OB 2.0 recipient identity ({@link RecipientIdentity}) with a random salt per award.
 */
@Component
class RecipientHasher {

    private final SecureRandom random = new SecureRandom();
    private final byte[] lookupKey;

    RecipientHasher(RecipientLookupKey lookupKey) {
        this.lookupKey = lookupKey.bytes();
    }

    /** The keyed, unsalted hash under which the read side finds every award of this address. */
    String lookup(String identity) {
        return RecipientLookup.of(lookupKey, identity);
    }

    Recipient recipient(String type, String identity, boolean hash) {
        String normalized = RecipientLookup.normalize(identity);
        if (!hash) {
            return new Recipient(type, normalized, false, null);
        }
        byte[] saltBytes = new byte[16];
        random.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        return new Recipient(type, RecipientIdentity.hash(normalized, salt), true, salt);
    }
}
