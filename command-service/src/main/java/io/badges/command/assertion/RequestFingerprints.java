package io.badges.command.assertion;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The fingerprint an Idempotency-Key record keeps of its request, to refuse the same key with another
 * body: HMAC-SHA256 under a server secret, so the stored value cannot be tested against guessed
 * requests (a request holds the recipient's clear address). The secret is
 * {@code BADGES_IDEMPOTENCY_KEY} (base64, at least 32 bytes) or, unset, one derived from the recipient
 * lookup key, which every instance already shares (the embedded default generates it once).
 */
public final class RequestFingerprints {

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] DERIVATION_LABEL = "badges idempotency request fingerprint v1"
            .getBytes(StandardCharsets.UTF_8);

    private final SecretKeySpec key;

    private RequestFingerprints(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    public static RequestFingerprints resolve(String configured, RecipientLookupKey lookupKey) {
        if (configured != null && !configured.isBlank()) {
            byte[] key = Base64.getDecoder().decode(configured.trim());
            if (key.length < 32) {
                throw new IllegalArgumentException("BADGES_IDEMPOTENCY_KEY must be base64 of at least 32 bytes");
            }
            return new RequestFingerprints(key);
        }
        return new RequestFingerprints(hmac(new SecretKeySpec(lookupKey.bytes(), ALGORITHM), DERIVATION_LABEL));
    }

    /** 64 hex digits, as the column has always held. */
    String of(String requestBody) {
        return HexFormat.of().formatHex(hmac(key, requestBody.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
