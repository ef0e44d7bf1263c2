package io.badges.command.assertion;

import io.badges.events.assertion.Recipient;
import io.badges.events.assertion.RecipientLookup;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * OB 2.0 recipient identity: {@code sha256$} + hex(sha256(identity + salt)) with a random salt per
 * award. Email addresses are trimmed and lower-cased first, and verifiers do the same.
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
        return new Recipient(type, "sha256$" + sha256Hex(normalized + salt), true, salt);
    }

    static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
