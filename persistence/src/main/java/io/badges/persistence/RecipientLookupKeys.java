package io.badges.persistence;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key of the recipient lookup hash, shared by the command side (which hashes at award time) and
 * the query side (which hashes the address a reader asks for): {@code BADGES_RECIPIENT_LOOKUP_KEY}
 * (base64, at least 32 bytes) or, when unset, a key generated once into the shared data directory.
 */
public final class RecipientLookupKeys {

    public static final String FILE = "recipient-lookup-key";

    private RecipientLookupKeys() {
    }

    public static byte[] resolve(String configured, Path dataDir) {
        String encoded = configured != null && !configured.isBlank()
                ? configured.trim()
                : DataDirSecrets.loadOrCreate(dataDir.resolve(FILE), () -> {
                    byte[] fresh = new byte[32];
                    new SecureRandom().nextBytes(fresh);
                    return Base64.getEncoder().encodeToString(fresh);
                });
        byte[] key = Base64.getDecoder().decode(encoded);
        if (key.length < 32) {
            throw new IllegalArgumentException("BADGES_RECIPIENT_LOOKUP_KEY must be base64 of at least 32 bytes");
        }
        return key;
    }
}
