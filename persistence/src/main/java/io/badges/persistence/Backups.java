package io.badges.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Consistent online backups of one side's database, and their restore into an empty one.
 * <ul>
 *   <li>SQLite: {@code VACUUM INTO} writes a transactionally consistent copy while the service runs;
 *       restore puts the file back (the service must be stopped).</li>
 *   <li>PostgreSQL: every table of the schema is copied ({@code COPY ... TO STDOUT}, binary) inside
 *       one REPEATABLE READ READ ONLY transaction, so all tables come from one snapshot, plus the
 *       sequences and the schema version. Restore migrates the empty database to that version and
 *       copies the rows back in foreign-key order, in one transaction. It needs only JDBC, not the
 *       pg_dump of the server's major version (pg_dump works too: docs/operations.md).</li>
 * </ul>
 */
public final class Backups {

    private static final String MANIFEST = "manifest.properties";

    private Backups() {
    }

    /**
     * Writes the backup of one database into the new directory {@code dir}. Returns what it holds
     * (PostgreSQL: rows per table; SQLite: the file's size).
     */
    public static Map<String, Long> backup(DataSource db, Vendor vendor, Path dir) {
        try {
            Files.createDirectories(dir);
            try (Connection c = db.getConnection()) {
                return vendor == Vendor.SQLITE ? backupSqlite(c, dir) : backupPostgres(c, dir);
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("backup into " + dir + " failed: " + e.getMessage(), e);
        }
    }

    private static Map<String, Long> backupSqlite(Connection c, Path dir) throws SQLException, IOException {
        Path file = dir.resolve("database.db");
        Files.deleteIfExists(file);
        try (Statement s = c.createStatement()) {
            s.execute("VACUUM INTO '" + file.toAbsolutePath().toString().replace("'", "''") + "'");
        }
        Properties manifest = new Properties();
        manifest.setProperty("vendor", "sqlite");
        manifest.setProperty("file", file.getFileName().toString());
        write(manifest, dir);
        return Map.of(file.getFileName().toString(), Files.size(file));
    }

    private static Map<String, Long> backupPostgres(Connection c, Path dir) throws SQLException, IOException {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        Properties manifest = new Properties();
        manifest.setProperty("vendor", "postgresql");
        Map<String, Long> rows = new LinkedHashMap<>();
        List<String> tables = tablesInForeignKeyOrder(c);
        for (String table : tables) {
            try (OutputStream out = Files.newOutputStream(dir.resolve(table + ".copy"))) {
                rows.put(table, copy.copyOut("COPY " + quote(table) + " TO STDOUT (FORMAT binary)", out));
            }
        }
        manifest.setProperty("tables", String.join(",", tables));
        manifest.setProperty("sides", String.join(",", tables.stream().filter(t -> t.matches("flyway_.+_history"))
                .map(t -> t.substring(7, t.length() - 8)).toList()));
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sequencename, last_value FROM pg_sequences "
                     + "WHERE schemaname = current_schema() AND last_value IS NOT NULL")) {
            while (rs.next()) {
                manifest.setProperty("sequence." + rs.getString(1), Long.toString(rs.getLong(2)));
            }
        }
        c.commit();
        write(manifest, dir);
        return rows;
    }

    /**
     * Restores a backup into {@code db}, which must hold none of its rows yet: a new database the caller
     * has just migrated, for every side of {@link #sides}, to the version of the backup. SQLite: copies
     * the file to {@code sqliteFile} (the service must be stopped).
     */
    public static Map<String, Long> restore(Path dir, DataSource db, Vendor vendor, Path sqliteFile) {
        Properties manifest = read(dir);
        try {
            if (vendor == Vendor.SQLITE) {
                Path source = dir.resolve(manifest.getProperty("file"));
                for (String suffix : List.of("-wal", "-shm")) {
                    Files.deleteIfExists(Path.of(sqliteFile + suffix));
                }
                Files.copy(source, sqliteFile, StandardCopyOption.REPLACE_EXISTING);
                return Map.of(sqliteFile.getFileName().toString(), Files.size(sqliteFile));
            }
            try (Connection c = db.getConnection()) {
                return restorePostgres(c, manifest, dir);
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("restore from " + dir + " failed: " + e.getMessage(), e);
        }
    }

    private static Map<String, Long> restorePostgres(Connection c, Properties manifest, Path dir) throws SQLException,
            IOException {
        c.setAutoCommit(false);
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : manifest.getProperty("tables").split(",")) {
            if (table.startsWith("flyway_")) {
                continue;  // written by the migration that created the schema
            }
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + quote(table) + ")")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    throw new IllegalStateException("table " + table + " is not empty: restore only into a new database");
                }
            }
            try (InputStream in = Files.newInputStream(dir.resolve(table + ".copy"))) {
                rows.put(table, copy.copyIn("COPY " + quote(table) + " FROM STDIN (FORMAT binary)", in));
            }
        }
        for (String name : manifest.stringPropertyNames()) {
            if (name.startsWith("sequence.")) {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT setval('" + name.substring(9).replace("'", "''") + "', "
                            + Long.parseLong(manifest.getProperty(name)) + ")");
                }
            }
        }
        c.commit();
        return rows;
    }

    /** The schema's tables, each after the tables it references. */
    private static List<String> tablesInForeignKeyOrder(Connection c) throws SQLException {
        Map<String, Set<String>> references = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                     + "ORDER BY tablename")) {
            while (rs.next()) {
                references.put(rs.getString(1), new LinkedHashSet<>());
            }
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT r.relname, f.relname FROM pg_constraint k "
                     + "JOIN pg_class r ON r.oid = k.conrelid JOIN pg_class f ON f.oid = k.confrelid "
                     + "WHERE k.contype = 'f' AND r.relnamespace = current_schema()::regnamespace")) {
            while (rs.next()) {
                if (references.containsKey(rs.getString(1)) && !rs.getString(1).equals(rs.getString(2))) {
                    references.get(rs.getString(1)).add(rs.getString(2));
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < references.size()) {
            int before = ordered.size();
            references.forEach((table, needs) -> {
                if (!ordered.contains(table) && ordered.containsAll(needs)) {
                    ordered.add(table);
                }
            });
            if (ordered.size() == before) {
                throw new IllegalStateException("foreign keys form a cycle: " + references);
            }
        }
        return ordered;
    }

    /** The sides (command, query) whose tables a PostgreSQL backup holds; empty for SQLite. */
    public static List<Vendor.Side> sides(Path dir) {
        String sides = read(dir).getProperty("sides", "");
        return java.util.Arrays.stream(sides.split(",")).filter(x -> !x.isEmpty())
                .map(x -> Vendor.Side.valueOf(x.toUpperCase(java.util.Locale.ROOT))).toList();
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static void write(Properties manifest, Path dir) throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve(MANIFEST))) {
            manifest.store(out, "open badges backup");
        }
    }

    private static Properties read(Path dir) {
        Properties manifest = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve(MANIFEST))) {
            manifest.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("no backup manifest in " + dir, e);
        }
        return manifest;
    }
}
