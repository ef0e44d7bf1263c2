package io.badges.tools;

import com.zaxxer.hikari.HikariDataSource;
import io.badges.persistence.DataSources;
import io.badges.persistence.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Backs up or restores both databases, found the way the services find them (the same environment
 * variables: BADGES_DB_URL/_USER/_PASSWORD, BADGES_QUERY_DB_URL/_USER/_PASSWORD, BADGES_DATA_DIR).
 * <pre>
 *   BackupTool backup  --dir backups/2026-11-22   (online: the services may run)
 *   BackupTool restore --dir backups/2026-11-22   (the services stopped, the databases new and empty)
 * </pre>
 * Layout: {@code <dir>/command/} and, when the read tables live in another database, {@code <dir>/query/}.
 */
public final class BackupTool {

    private BackupTool() {
    }

    /** One database the services use, and where its backup goes. */
    public record Target(String name, String url, String user, String password) {

        DataSources.Settings settings() {
            return new DataSources.Settings(url, user, password, 1, "backup-" + name);
        }

        Database database() {
            return Database.forUrl(url);
        }
    }

    public static List<Target> targets(Map<String, String> env) {
        Path dataDir = Path.of(env.getOrDefault("BADGES_DATA_DIR", "./data"));
        String commandUrl = blankToNull(env.get("BADGES_DB_URL"));
        List<Target> targets = new ArrayList<>();
        if (commandUrl == null) {
            targets.add(new Target("command", Database.embeddedUrl(dataDir, "command"), null, null));
            targets.add(new Target("query", Database.embeddedUrl(dataDir, "query"), null, null));
            return targets;
        }
        targets.add(new Target("command", commandUrl, env.get("BADGES_DB_USER"), env.get("BADGES_DB_PASSWORD")));
        String queryUrl = blankToNull(env.get("BADGES_QUERY_DB_URL"));
        if (queryUrl != null && !queryUrl.equals(commandUrl)) {
            targets.add(new Target("query", queryUrl, env.get("BADGES_QUERY_DB_USER"),
                    env.get("BADGES_QUERY_DB_PASSWORD")));
        }
        return targets;
    }

    public static void main(String[] argv) {
        if (argv.length == 0) {
            throw new IllegalArgumentException("usage: BackupTool backup|restore --dir DIR");
        }
        Path dir = Path.of(new Args(java.util.Arrays.copyOfRange(argv, 1, argv.length)).required("dir"));
        switch (argv[0]) {
            case "backup" -> backup(targets(System.getenv()), dir);
            case "restore" -> restore(targets(System.getenv()), dir);
            default -> throw new IllegalArgumentException("usage: BackupTool backup|restore --dir DIR");
        }
    }

    /**
     * The read database first, then the command database: the restored event store is then at least
     * as new as the restored projection token, and the projection only ever catches up after a
     * restore (the other order could leave a token pointing past the restored event store's head).
     */
    public static void backup(List<Target> targets, Path dir) {
        List<Target> readFirst = new ArrayList<>(targets);
        java.util.Collections.reverse(readFirst);
        for (Target target : readFirst) {
            try (HikariDataSource db = open(target)) {
                long started = System.nanoTime();
                Map<String, Long> held = target.database().backup(db, dir.resolve(target.name()));
                System.out.printf("backup %s: %s in %d ms%n", target.name(), held,
                        (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    public static void restore(List<Target> targets, Path dir) {
        for (Target target : targets) {
            Path from = dir.resolve(target.name());
            if (!Files.isDirectory(from)) {
                throw new IllegalStateException("no backup of the " + target.name() + " database in " + dir);
            }
            System.out.printf("restore %s: %s%n", target.name(), target.database().restore(from, target.settings()));
        }
    }

    private static HikariDataSource open(Target target) {
        return DataSources.create(target.settings(), DataSources.Role.WRITER);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
