package io.badges.command.access;

import io.badges.persistence.DataDirSecrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The write API's keys, held only as SHA-256 digests and compared in constant time. When none are
 * configured and the service runs as a single process (the embedded default), one key is generated once, stored (0600) in
 * the data directory and printed at start-up, so a first run needs no set-up.
 */
public final class ApiKeys {

    static final String KEY_FILE = "api-key";

    private final List<byte[]> digests;

    private ApiKeys(List<String> keys) {
        if (keys.isEmpty()) {
            throw new IllegalStateException("no API key configured: set BADGES_API_KEYS");
        }
        this.digests = keys.stream().map(ApiKeys::sha256).toList();
    }

    public static ApiKeys of(List<String> keys) {
        return new ApiKeys(keys);
    }

    /** Keys from configuration, or the embedded default's generated key. */
    public static ApiKeys resolve(List<String> configured, boolean singleProcess, Path dataDir) {
        if (!configured.isEmpty() || !singleProcess) {
            return new ApiKeys(configured);
        }
        String key = DataDirSecrets.loadOrCreate(dataDir.resolve(KEY_FILE), ApiKeys::randomKey);
        System.out.println("Write API key (stored in " + dataDir.resolve(KEY_FILE) + "): " + key);
        return new ApiKeys(List.of(key));
    }

    private static String randomKey() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The client a presented key belongs to (its digest, hex), if it is one of ours. */
    public Optional<String> clientOf(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = sha256(presented);
        boolean match = false;
        for (byte[] known : digests) {
            match |= MessageDigest.isEqual(known, digest);
        }
        return match ? Optional.of(HexFormat.of().formatHex(digest)) : Optional.empty();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
