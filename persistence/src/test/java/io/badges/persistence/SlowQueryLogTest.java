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
import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.junit.jupiter.api.Test;

class SlowQueryLogTest {

    private static HikariDataSource sqlite() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "slow-query-" + System.nanoTime()));
        return DataSources.create(new DataSources.Settings("jdbc:sqlite:" + dir.resolve("t.db"), null, null, 1, "t"),
                DataSources.Role.WRITER);
    }

    private static SlowQueryLog listenerOf(DataSource proxy) {
        return (SlowQueryLog) ((ProxyDataSource) proxy).getProxyConfig().getQueryListener()
                .getListeners().get(0);
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
}
