package io.badges.query.access;

import io.badges.persistence.DataDirSecrets;
import io.badges.query.config.QueryProperties;
import io.badges.web.KeyDigests;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The keys a reader may present: the configured write and read keys, or, in a single-process
 * deployment without configured write keys, the command service's generated key, read from the data
 * directory once it is there (the command side writes it; this side never creates it).
 */
@Component
public class ReadKeys {

    private final KeyDigests configured;
    private final Path generatedKeyFile;
    private volatile KeyDigests generated;

    ReadKeys(ReadAccess access, QueryProperties properties) {
        this.configured = new KeyDigests(Stream.concat(access.apiKeys().stream(), access.readApiKeys().stream())
                .toList());
        this.generatedKeyFile = access.apiKeys().isEmpty() && properties.deployment().singleProcess()
                ? properties.dataDir().resolve(DataDirSecrets.API_KEY_FILE)
                : null;
    }

    /** Whether the request carries {@code Authorization: Bearer <key>} with one of these keys. */
    public boolean holds(HttpServletRequest request) {
        String presented = KeyDigests.bearer(request);
        return presented != null
                && (configured.clientOf(presented).isPresent() || generated().clientOf(presented).isPresent());
    }

    private KeyDigests generated() {
        KeyDigests known = generated;
        if (known != null) {
            return known;
        }
        if (generatedKeyFile == null || !Files.exists(generatedKeyFile)) {
            return new KeyDigests(List.of());
        }
        generated = new KeyDigests(List.of(DataDirSecrets.read(generatedKeyFile)));
        return generated;
    }
}
