package io.badges.command.badgeclass;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.persistence.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.sqlite.SQLiteDataSource;

/**
 * The issuer of a badge class, read on every award, against a real SQLite file: remembered once the
 * transaction that read it committed, never after a rollback, never as an absence.
 */
class BadgeClassStoreTest {

    private JdbcClient table;
    private TransactionTemplate transaction;
    private BadgeClassStore store;

    @BeforeEach
    void database() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "badge-class-store"));
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + Files.createTempFile(dir, "store", ".db"));
        table = JdbcClient.create(sqlite);
        table.sql("CREATE TABLE badge_class (id TEXT PRIMARY KEY, issuer_id TEXT NOT NULL)").update();
        transaction = new TransactionTemplate(new DataSourceTransactionManager(sqlite));
        store = new BadgeClassStore(table, Database.forUrl("jdbc:sqlite:" + dir), new ObjectMapper());
    }

    private void define(String badgeClass, String issuer) {
        table.sql("INSERT INTO badge_class (id, issuer_id) VALUES (?, ?)").params(badgeClass, issuer).update();
    }

    private void forget(String badgeClass) {
        table.sql("DELETE FROM badge_class WHERE id = ?").param(badgeClass).update();
    }

    @Test
    void anIssuerReadInACommittedTransactionIsNotReadFromTheDatabaseAgain() {
        define("b1", "i1");

        Optional<String> read = transaction.execute(status -> store.issuerOf("b1"));
        assertThat(read).contains("i1");
        forget("b1");

        assertThat(store.issuerOf("b1")).contains("i1");
    }

    @Test
    void anIssuerReadInATransactionThatRolledBackIsReadAgain() {
        define("b2", "i2");

        Optional<String> read = transaction.execute(status -> {
            status.setRollbackOnly();
            return store.issuerOf("b2");
        });
        assertThat(read).contains("i2");
        forget("b2");

        assertThat(store.issuerOf("b2")).isEmpty();
    }

    @Test
    void anUnknownBadgeClassIsLookedUpAgainUntilItExists() {
        assertThat(store.issuerOf("b3")).isEmpty();
        define("b3", "i3");

        assertThat(store.issuerOf("b3")).contains("i3");
    }
}
