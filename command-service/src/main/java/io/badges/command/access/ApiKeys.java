package io.badges.command.access;

import io.badges.persistence.DataDirSecrets;
import io.badges.web.KeyDigests;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The write API's keys, held only as SHA-256 digests and compared in constant time. When none are
 * configured and the service runs as a single process (the embedded default), one key is generated once, stored (0600) in
 * the data directory and printed on the start that generates it, so a first run needs no set-up.
 */
public final class ApiKeys {

    static final String KEY_FILE = DataDirSecrets.API_KEY_FILE;

    private final KeyDigests digests;

    private ApiKeys(List<String> keys) {
        if (keys.isEmpty()) {
            throw new IllegalStateException("no API key configured: set BADGES_API_KEYS");
        }
        this.digests = new KeyDigests(keys);
    }

    public static ApiKeys of(List<String> keys) {
        return new ApiKeys(keys);
    }

    /** Keys from configuration, or the embedded default's generated key (printed once, when generated). */
    public static ApiKeys resolve(List<String> configured, boolean singleProcess, Path dataDir) {
        return resolve(configured, singleProcess, dataDir, System.out::println);
    }

    /** {@code announce}: told the generated key, on the one start that generates it. */
    static ApiKeys resolve(List<String> configured, boolean singleProcess, Path dataDir, Consumer<String> announce) {
        if (!configured.isEmpty() || !singleProcess) {
            return new ApiKeys(configured);
        }
        AtomicReference<String> generated = new AtomicReference<>();
        String key = DataDirSecrets.loadOrCreate(dataDir.resolve(KEY_FILE), () -> {
            generated.set(randomKey());
            return generated.get();
        });
        if (key.equals(generated.get())) {
            announce.accept("Write API key (generated now, stored in " + dataDir.resolve(KEY_FILE) + "): " + key);
        }
        return new ApiKeys(List.of(key));
    }

    private static String randomKey() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The client a presented key belongs to (its digest, hex), if it is one of ours. */
    public Optional<String> clientOf(String presented) {
        return digests.clientOf(presented);
    }
}
