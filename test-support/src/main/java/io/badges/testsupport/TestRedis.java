package io.badges.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * A real redis-server (the binary inside com.github.codemonstur:embedded-redis) on a free port, its
 * working files under {@code target/}. {@link #shared()} is started once per test JVM; a test that
 * stops Redis takes its own with {@link #newServer()}.
 */
public final class TestRedis implements AutoCloseable {

    private static TestRedis shared;

    private final int port;
    private final Path dir;
    private RedisServer server;

    private TestRedis(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    public static synchronized TestRedis shared() {
        if (shared == null) {
            shared = newServer();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    public static TestRedis newServer() {
        int port = TestPostgres.freePort();
        try {
            Path dir = Files.createDirectories(Path.of("target", "embedded-redis", "redis-" + port).toAbsolutePath());
            return new TestRedis(port, dir).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts (again, after {@link #stop()}) on the same port, with nothing stored. */
    public synchronized TestRedis start() {
        try {
            server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .setting("dir " + dir)
                    .build();
            server.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start redis-server on port " + port, e);
        }
    }

    /** Stops the server process: clients see their connections drop. */
    public synchronized void stop() {
        if (server != null) {
            try {
                server.stop();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = null;
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        stop();
    }
}
