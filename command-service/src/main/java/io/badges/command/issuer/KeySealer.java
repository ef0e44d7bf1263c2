package io.badges.command.issuer;

import io.badges.persistence.DataDirSecrets;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals issuers' private keys at rest with AES-256-GCM. The key-encryption key comes from
 * {@code BADGES_KEY_ENCRYPTION_KEY} (base64 of 32 bytes) or, when unset, is generated once into the
 * data directory ({@code key-encryption-key}, mode 0600).
 */
public final class KeySealer {

    private static final Logger log = LoggerFactory.getLogger(KeySealer.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public KeySealer(byte[] keyEncryptionKey) {
        if (keyEncryptionKey.length != 32) {
            throw new IllegalArgumentException("the key-encryption key must be 32 bytes (base64 of 32 random bytes)");
        }
        this.key = new SecretKeySpec(keyEncryptionKey, "AES");
    }

    public static KeySealer resolve(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return new KeySealer(Base64.getDecoder().decode(configured.trim()));
        }
        Path file = dataDir.resolve("key-encryption-key");
        log.info("no BADGES_KEY_ENCRYPTION_KEY configured; using the one in {}", file);
        return new KeySealer(Base64.getDecoder().decode(DataDirSecrets.loadOrCreate(file, () -> {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            return Base64.getEncoder().encodeToString(fresh);
        })));
    }

    public String seal(byte[] secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret);
            return Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a key", e);
        }
    }

    public byte[] open(String sealed) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            return cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open a sealed key: wrong BADGES_KEY_ENCRYPTION_KEY?", e);
        }
    }
}
