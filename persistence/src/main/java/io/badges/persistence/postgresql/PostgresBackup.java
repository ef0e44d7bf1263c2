package io.badges.persistence.postgresql;

import com.zaxxer.hikari.HikariDataSource;
import io.badges.persistence.BackupManifest;
import io.badges.persistence.DataSources;
import io.badges.persistence.Migrations;
import io.badges.persistence.Side;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Every table of the schema copied ({@code COPY ... TO STDOUT}, binary) inside one REPEATABLE READ
 * READ ONLY transaction, so all tables come from one snapshot, plus the sequences and the schema
 * version. Restore migrates the empty database to that version and copies the rows back in
 * foreign-key order, in one transaction. It needs only JDBC, not the pg_dump of the server's major
 * version (pg_dump works too: docs/operations.md).
 */
final class PostgresBackup {

    private PostgresBackup() {
    }

    static Map<String, Long> backup(DataSource db, Path dir) {
        try (Connection c = db.getConnection()) {
            Files.createDirectories(dir);
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            BackupManifest manifest = BackupManifest.of(PostgresDatabase.INSTANCE.name());
            Map<String, Long> rows = new LinkedHashMap<>();
            List<String> tables = tablesInForeignKeyOrder(c);
            for (String table : tables) {
                try (OutputStream out = Files.newOutputStream(dir.resolve(table + ".copy"))) {
                    rows.put(table, copy.copyOut("COPY " + quote(table) + " TO STDOUT (FORMAT binary)", out));
                }
            }
            manifest.set("tables", String.join(",", tables));
            manifest.set("sides", String.join(",", tables.stream().filter(t -> t.matches("flyway_.+_history"))
                    .map(t -> t.substring(7, t.length() - 8)).toList()));
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT sequencename, last_value FROM pg_sequences "
                         + "WHERE schemaname = current_schema() AND last_value IS NOT NULL")) {
                while (rs.next()) {
                    manifest.set("sequence." + rs.getString(1), Long.toString(rs.getLong(2)));
                }
            }
            c.commit();
            manifest.write(dir);
            return rows;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("backup into " + dir + " failed: " + e.getMessage(), e);
        }
    }

    /** Migrates the new database to every side of the backup, then copies the rows back. */
    static Map<String, Long> restore(Path dir, DataSources.Settings target) {
        BackupManifest manifest = BackupManifest.read(dir);
        try (HikariDataSource db = DataSources.create(target, DataSources.Role.WRITER)) {
            for (Side side : manifest.sides()) {
                Migrations.migrate(db, PostgresDatabase.INSTANCE, side);
            }
            try (Connection c = db.getConnection()) {
                return copyIn(c, manifest, dir);
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("restore from " + dir + " failed: " + e.getMessage(), e);
        }
    }

    private static Map<String, Long> copyIn(Connection c, BackupManifest manifest, Path dir) throws SQLException,
            IOException {
        c.setAutoCommit(false);
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : manifest.get("tables").split(",")) {
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
        for (String name : manifest.names()) {
            if (name.startsWith("sequence.")) {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT setval('" + name.substring(9).replace("'", "''") + "', "
                            + Long.parseLong(manifest.get(name)) + ")");
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

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
