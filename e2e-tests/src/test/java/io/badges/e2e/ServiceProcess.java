package io.badges.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One of our boot jars running as a real process, started the way the README's {@code ./run} starts it
 * ({@code scripts/launch.sh}): on this test's own JVM, or the one {@code BADGES_JAVA} names, unpacked, with
 * the archive of its classes that the script makes once per build and JDK (an AOT cache on JDK 25 or
 * later, a class-data-sharing archive before). The JVM runs with
 * {@code -XX:AOTMode=on} or {@code -Xshare:on}, so an archive it cannot use fails the start instead of
 * being ignored.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** Per module: the java command and its arguments, as scripts/launch.sh gives them. */
    private static final Map<String, List<String>> LAUNCH_ARGS = new HashMap<>();

    private final String module;
    private final Map<String, String> env;
    private final Path log;
    private final int port;
    private Process process;
    private Path workingDirectory;

    ServiceProcess(String module, int port, Map<String, String> env, Path log) {
        this.module = module;
        this.port = port;
        this.env = env;
        this.log = log;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The JVM of scripts/launch.sh, then its java arguments for the module (unpacking and training on
     * first use), then the option that makes the JVM refuse to start without the archive.
     */
    static synchronized List<String> launchArgs(String module) throws IOException {
        List<String> known = LAUNCH_ARGS.get(module);
        if (known != null) {
            return known;
        }
        ProcessBuilder builder = new ProcessBuilder("bash", "-c",
                "source scripts/jvm-options.sh && source scripts/launch.sh && echo \"$LAUNCH_JAVA\" && launch_args \"$0\"",
                module)
                .directory(ROOT.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        // "java" on the PATH is this test's JVM: the script's default unless BADGES_JAVA names another
        builder.environment().merge("PATH", Path.of(System.getProperty("java.home"), "bin") + ":", (path, bin) -> bin + path);
        Process launch = builder.start();
        String out = new String(launch.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        try {
            launch.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String[] lines = out.split("\n", 2);
        String strict = lines.length < 2 ? null
                : lines[1].contains("-XX:AOTCache=") ? "-XX:AOTMode=on"
                : lines[1].contains("-XX:SharedArchiveFile=") ? "-Xshare:on" : null;
        if (launch.exitValue() != 0 || strict == null) {
            throw new IllegalStateException("scripts/launch.sh gave no archive for " + module + ": " + out
                    + " (see " + module + "/target/app/training.log)");
        }
        List<String> args = new ArrayList<>();
        args.add(lines[0]);
        args.add(strict);
        args.addAll(List.of(lines[1].split(" ")));
        LAUNCH_ARGS.put(module, List.copyOf(args));
        return LAUNCH_ARGS.get(module);
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the process in {@code directory} (where Spring Boot also looks for configuration files). */
    ServiceProcess in(Path directory) {
        this.workingDirectory = directory;
        return this;
    }

    ServiceProcess start() throws IOException {
        List<String> launch = launchArgs(module);
        List<String> command = new ArrayList<>();
        command.add(launch.get(0));
        command.addAll(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));
        command.addAll(launch.subList(1, launch.size()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        // the developer's own Spring, Axon or management settings would change how the service starts
        // (io.badges.web.AheadOfTimeStart); each test gives the ones it means
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("AXON_")
                || name.startsWith("MANAGEMENT_") || name.equals("BADGES_SPRING_AOT"));
        builder.environment().putAll(env);
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        process = builder.start();
        return this;
    }

    /** Waits for /actuator/health to answer UP; returns how long it took. */
    Duration awaitUp(Duration limit) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited with " + process.exitValue() + "; see " + log
                        + "; its last lines:\n" + tail(30));
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(URI.create(url() + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"status\":\"UP\"")) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(module + " not UP within " + limit + "; see " + log
                + "; its last lines:\n" + tail(30));
    }

    /** The log's last lines: a failed start explains itself in the test report (CI keeps no files). */
    private String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, java.nio.charset.StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /** Waits for the process to end by itself; its exit code. */
    int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(module + " still running after " + limit + "; see " + log);
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hooks, no graceful anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGTERM (graceful shutdown) and the exit code, once the process is gone. */
    int terminate(Duration limit) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(module + " still running " + limit + " after SIGTERM; see " + log);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
