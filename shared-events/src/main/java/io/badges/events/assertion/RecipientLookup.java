package io.badges.events.assertion;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The indexed lookup value of a recipient: HMAC-SHA256 of the normalised address (trimmed,
 * lower-cased) under a key both services share ({@code BADGES_RECIPIENT_LOOKUP_KEY}). Unlike the OB
 * identity it is unsalted, so all awards of one person share it, but without the key it tells
 * nothing about the address.
 */
public final class RecipientLookup {

    private RecipientLookup() {
    }

    public static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    public static String of(byte[] key, String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(normalize(email).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
