package io.badges.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class SlowQueryLogTest {

    private static HikariDataSource sqlite() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "slow-query-" + System.nanoTime()));
        return DataSources.create(new DataSources.Settings("jdbc:sqlite:" + dir.resolve("t.db"), null, null, 1, "t"),
                DataSources.Role.WRITER);
    }

    private static SlowQueryLog listenerOf(DataSource timed) {
        return ((SlowQueryLog.Timed) timed).log();
    }

    @Test
    void countsStatementsAtOrAboveTheThresholdOnly() throws Exception {
        try (HikariDataSource pool = sqlite()) {
            DataSource everything = SlowQueryLog.wrap(pool, "t", Duration.ZERO);
            DataSource nothing = SlowQueryLog.wrap(pool, "t", Duration.ofMinutes(1));

            for (DataSource source : new DataSource[] {everything, nothing}) {
                try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE IF NOT EXISTS t (email TEXT)");
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?)")) {
                        insert.setString(1, "someone@example.org");
                        insert.executeUpdate();
                    }
                }
            }

            assertThat(listenerOf(everything).count()).isEqualTo(2);
            assertThat(listenerOf(nothing).count()).isZero();
        }
    }

    @Test
    void aBatchIsOneStatementAndEverythingElsePassesThrough() throws Exception {
        HikariDataSource pool = sqlite();
        SlowQueryLog.Timed timed = SlowQueryLog.wrap(pool, "t", Duration.ZERO);
        try (Connection c = timed.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (n INTEGER)");
                assertThat(s.getConnection()).isSameAs(c);
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?)")) {
                for (int n = 0; n < 3; n++) {
                    insert.setInt(1, n);
                    insert.addBatch();
                }
                assertThat(insert.executeBatch()).hasSize(3);
            }
            assertThat(timed.log().count()).isEqualTo(2);
            assertThat(c.isWrapperFor(org.sqlite.SQLiteConnection.class)).isTrue();
            assertThat(c.unwrap(org.sqlite.SQLiteConnection.class)).isInstanceOf(org.sqlite.SQLiteConnection.class);
            assertThat(c.hashCode()).isEqualTo(System.identityHashCode(c));
        }
        assertThat(timed.isWrapperFor(HikariDataSource.class)).isTrue();
        assertThat(timed.unwrap(HikariDataSource.class)).isSameAs(pool);

        timed.close();
        assertThat(pool.isClosed()).isTrue();
    }

    @Test
    void aFailingStatementThrowsItsOwnSqlExceptionAndIsStillTimed() throws Exception {
        try (HikariDataSource pool = sqlite()) {
            SlowQueryLog.Timed timed = SlowQueryLog.wrap(pool, "t", Duration.ZERO);
            try (Connection c = timed.getConnection(); Statement s = c.createStatement()) {
                org.assertj.core.api.Assertions.assertThatExceptionOfType(java.sql.SQLException.class)
                        .isThrownBy(() -> s.execute("SELECT * FROM no_such_table"));
            }
            assertThat(timed.log().count()).isEqualTo(1);
        }
    }
}
