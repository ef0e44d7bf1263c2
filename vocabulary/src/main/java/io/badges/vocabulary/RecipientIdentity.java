package io.badges.vocabulary;

import io.badges.events.assertion.RecipientLookup;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * OB 2.0 recipient identity: a hashed identity is {@code sha256$} + hex(sha256(identity + salt)).
 * Addresses are trimmed and lower-cased first, by the issuing side and by verifiers alike.
 */
public final class RecipientIdentity {

    private static final String SHA256 = "sha256";

    private RecipientIdentity() {
    }

    /** The hashed form of a normalized identity with this salt ({@code null}: unsalted). */
    public static String hash(String normalizedIdentity, String salt) {
        return SHA256 + "$" + sha256Hex(normalizedIdentity + (salt == null ? "" : salt));
    }

    /**
     * Whether {@code candidate} is the recipient: a hashed identity (only sha256 is known) compared
     * in constant time and case-insensitively, a plain one compared as an address.
     */
    public static boolean matches(String identity, boolean hashed, String salt, String candidate) {
        if (identity == null || candidate == null) {
            return false;
        }
        String normalized = RecipientLookup.normalize(candidate);
        if (!hashed) {
            return identity.strip().equalsIgnoreCase(normalized);
        }
        int dollar = identity.indexOf('$');
        if (dollar < 0 || !identity.substring(0, dollar).equalsIgnoreCase(SHA256)) {
            return false;
        }
        String expected = identity.substring(dollar + 1);
        String actual = sha256Hex(normalized + (salt == null ? "" : salt));
        return MessageDigest.isEqual(expected.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                actual.getBytes(StandardCharsets.US_ASCII));
    }

    private static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
