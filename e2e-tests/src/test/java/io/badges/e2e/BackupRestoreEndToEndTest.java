package io.badges.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.badges.testsupport.TestPostgres;
import io.badges.tools.BackupTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Back up while the services run, wipe the databases, restore, start again: the read API answers
 * exactly as before, and the next write lands after the restored events. Both vendors.
 */
class BackupRestoreEndToEndTest {

    private static final String KEY = "backup-key";
    private static final Duration LIMIT = Duration.ofSeconds(90);

    private final List<ServiceProcess> running = new ArrayList<>();
    private Path dir;

    @AfterEach
    void stop() throws Exception {
        stopAll();
    }

    @Test
    void sqliteRoundTrip() throws Exception {
        dir = Files.createDirectories(Path.of("target", "e2e", "backup-sqlite-" + UUID.randomUUID()).toAbsolutePath());
        Map<String, String> env = new HashMap<>(Map.of("BADGES_DATA_DIR", dir.resolve("data").toString()));
        roundTrip(env, () -> {
            try (var files = Files.list(dir.resolve("data"))) {
                for (Path file : files.filter(f -> f.getFileName().toString().matches("(command|query)\\.db.*"))
                        .toList()) {
                    Files.delete(file);
                }
            }
        });
    }

    @Test
    void postgresRoundTrip() throws Exception {
        dir = Files.createDirectories(Path.of("target", "e2e", "backup-postgres-" + UUID.randomUUID()).toAbsolutePath());
        String commandDb = TestPostgres.newDatabase("backup_command");
        String queryDb = TestPostgres.newDatabase("backup_query");
        Map<String, String> env = new HashMap<>(Map.of(
                "SPRING_PROFILES_ACTIVE", "postgres",
                "BADGES_DATA_DIR", dir.resolve("data").toString(),
                "BADGES_DB_URL", commandDb, "BADGES_DB_USER", TestPostgres.user(),
                "BADGES_QUERY_DB_URL", queryDb, "BADGES_QUERY_DB_USER", TestPostgres.user()));
        roundTrip(env, () -> {
            recreate(commandDb);
            recreate(queryDb);
        });
    }

    interface Wipe {
        void run() throws Exception;
    }

    private void roundTrip(Map<String, String> env, Wipe wipe) throws Exception {
        Api api = start(env);
        String issuer = api.issuer("Backed-up Org");
        String badge = api.badgeClass(issuer, "Backed-up badge");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(api.award(badge, "kept" + i + "@example.org"));
        }
        for (int i = 0; i < 30; i += 7) {
            api.revoke(ids.get(i), "revoked before the backup");
        }
        List<String> paths = new ArrayList<>(List.of("/api/v1/issuers/" + issuer, "/api/v1/badge-classes/" + badge,
                "/api/v1/badge-classes/" + badge + "/assertions?limit=100",
                "/api/v1/assertions?recipient=kept3@example.org", "/public/issuers/" + issuer + "/revocations"));
        ids.forEach(id -> paths.add("/api/v1/assertions/" + id));
        await().atMost(LIMIT).until(() -> api.read("/api/v1/assertions/" + ids.get(28)) != null
                && api.read("/api/v1/assertions/" + ids.get(28)).get("revoked").asBoolean());
        Map<String, String> before = answers(api, paths);

        Path backup = dir.resolve("backup");
        BackupTool.backup(BackupTool.targets(env), backup);  // online: both services still running
        stopAll();
        wipe.run();
        BackupTool.restore(BackupTool.targets(env), backup);

        Api restored = start(env);
        assertThat(answers(restored, paths)).isEqualTo(before);
        String next = restored.award(badge, "after-restore@example.org");
        await().atMost(LIMIT).until(() -> restored.read("/api/v1/assertions/" + next) != null);
        assertThat(restored.read("/api/v1/badge-classes/" + badge + "/assertions?limit=100").get("items"))
                .hasSize(31);
    }

    private Api start(Map<String, String> base) throws Exception {
        int commandPort = ServiceProcess.freePort();
        int queryPort = ServiceProcess.freePort();
        Map<String, String> env = new HashMap<>(base);
        env.put("COMMAND_PORT", Integer.toString(commandPort));
        env.put("QUERY_PORT", Integer.toString(queryPort));
        env.put("BADGES_API_KEYS", KEY);
        env.put("BADGES_PUBLIC_BASE_URL", "https://badges.example.test");  // ids must not depend on the port
        ServiceProcess command = new ServiceProcess("command-service", commandPort, env,
                dir.resolve("command-" + commandPort + ".log")).start();
        running.add(command);
        command.awaitUp(LIMIT);
        ServiceProcess query = new ServiceProcess("query-service", queryPort, env,
                dir.resolve("query-" + queryPort + ".log")).start();
        running.add(query);
        query.awaitUp(LIMIT);
        return new Api(command.url(), query.url(), KEY);
    }

    private void stopAll() throws Exception {
        for (ServiceProcess process : running) {
            process.close();
        }
        running.clear();
    }

    private static Map<String, String> answers(Api api, List<String> paths) throws Exception {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : paths) {
            var response = api.get(path);
            answers.put(path, response.statusCode() + " " + response.body());
        }
        return answers;
    }

    private static void recreate(String url) throws Exception {
        String name = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = TestPostgres.server().getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        }
    }
}
