package io.badges.query.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.badges.persistence.DataSources;
import io.badges.testsupport.TestSqlite;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** EXPLAIN QUERY PLAN on a real SQLite file. */
class SqliteQueryPlanTest extends QueryPlanContract {

    @Override
    DataSources.Settings database() {
        return new DataSources.Settings(TestSqlite.newDatabase("plans"), null, null, 1, "plans");
    }

    @Override
    List<String> plan(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return lines(rs, 4);
            }
        }
    }

    @Override
    void assertUsesIndex(List<String> plan, String index) {
        assertThat(plan).anyMatch(line -> line.contains("USING INDEX " + index)
                || line.contains("USING COVERING INDEX " + index));
        assertThat(plan).noneMatch(line -> line.startsWith("SCAN "));
    }

    @Override
    void assertNoSort(List<String> plan) {
        assertThat(plan).noneMatch(line -> line.contains("TEMP B-TREE"));
    }
}
