package io.badges.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** Fresh SQLite directories and files under {@code target/sqlite/}. */
public final class TestSqlite {

    private TestSqlite() {
    }

    public static Path newDirectory(String prefix) {
        try {
            return Files.createDirectories(
                    Path.of("target", "sqlite", prefix + "-" + UUID.randomUUID()).toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String newDatabase(String prefix) {
        return "jdbc:sqlite:" + newDirectory(prefix).resolve(prefix + ".db");
    }
}
