package io.badges.query.verification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * OB 2.0 recipient matching: a hashed identity is {@code sha256$} + hex(sha256(identity + salt))
 * (no salt: unsalted), compared case-insensitively; a plain identity is compared as an address.
 * The candidate is trimmed and lower-cased, as our issuing side does.
 */
final class RecipientMatch {

    private RecipientMatch() {
    }

    static boolean matches(String identity, boolean hashed, String salt, String candidate) {
        if (identity == null || candidate == null) {
            return false;
        }
        String normalized = candidate.strip().toLowerCase(Locale.ROOT);
        if (!hashed) {
            return identity.strip().equalsIgnoreCase(normalized);
        }
        int dollar = identity.indexOf('$');
        if (dollar < 0 || !identity.substring(0, dollar).equalsIgnoreCase("sha256")) {
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
