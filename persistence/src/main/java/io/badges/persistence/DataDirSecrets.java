package io.badges.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * Secrets that the embedded default generates once into the data directory (mode 0600) when the
 * environment provides none: the write API key, the key-encryption key, the recipient lookup key.
 */
public final class DataDirSecrets {

    /** The write API key the command service generates when none is configured. */
    public static final String API_KEY_FILE = "api-key";

    private DataDirSecrets() {
    }

    /** A secret another process created. */
    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the secret file " + file, e);
        }
    }

    public static String loadOrCreate(Path file, Supplier<String> generator) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Path draft = Files.createTempFile(file.toAbsolutePath().getParent(), ".secret", ".tmp");
                try {
                    try {
                        Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException ignored) {
                        // not a POSIX file system: the secret is still only in the data directory
                    }
                    Files.writeString(draft, generator.get() + "\n", StandardCharsets.UTF_8);
                    // link(2) fails if the name exists: when both services start at once, one secret wins
                    Files.createLink(file, draft);
                } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                    // read theirs below
                } finally {
                    Files.deleteIfExists(draft);
                }
            }
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the secret file " + file, e);
        }
    }
}
