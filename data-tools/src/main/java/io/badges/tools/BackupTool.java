package io.badges.tools;

import com.zaxxer.hikari.HikariDataSource;
import io.badges.persistence.Backups;
import io.badges.persistence.DataSources;
import io.badges.persistence.Migrations;
import io.badges.persistence.Vendor;
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
    public record Target(String name, String url, String user, String password, Path sqliteFile) {
    }

    public static List<Target> targets(Map<String, String> env) {
        Path dataDir = Path.of(env.getOrDefault("BADGES_DATA_DIR", "./data"));
        String commandUrl = blankToNull(env.get("BADGES_DB_URL"));
        List<Target> targets = new ArrayList<>();
        if (commandUrl == null) {
            targets.add(new Target("command", "jdbc:sqlite:" + dataDir.resolve("command.db"), null, null,
                    dataDir.resolve("command.db")));
            targets.add(new Target("query", "jdbc:sqlite:" + dataDir.resolve("query.db"), null, null,
                    dataDir.resolve("query.db")));
            return targets;
        }
        targets.add(new Target("command", commandUrl, env.get("BADGES_DB_USER"), env.get("BADGES_DB_PASSWORD"), null));
        String queryUrl = blankToNull(env.get("BADGES_QUERY_DB_URL"));
        if (queryUrl != null && !queryUrl.equals(commandUrl)) {
            targets.add(new Target("query", queryUrl, env.get("BADGES_QUERY_DB_USER"),
                    env.get("BADGES_QUERY_DB_PASSWORD"), null));
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
                Map<String, Long> held = Backups.backup(db, Vendor.fromJdbcUrl(target.url()), dir.resolve(target.name()));
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
            Vendor vendor = Vendor.fromJdbcUrl(target.url());
            if (vendor == Vendor.SQLITE) {
                System.out.printf("restore %s: %s%n", target.name(), Backups.restore(from, null, vendor,
                        target.sqliteFile()));
                continue;
            }
            try (HikariDataSource db = open(target)) {
                for (Vendor.Side side : Backups.sides(from)) {
                    Migrations.migrate(db, vendor, side);
                }
                System.out.printf("restore %s: %s%n", target.name(), Backups.restore(from, db, vendor, null));
            }
        }
    }

    private static HikariDataSource open(Target target) {
        return DataSources.create(new DataSources.Settings(target.url(), target.user(), target.password(), 1,
                "backup-" + target.name()), DataSources.Role.WRITER);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
