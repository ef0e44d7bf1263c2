package io.badges.query.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.badges.persistence.DataSources;
import io.badges.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** EXPLAIN on a real PostgreSQL server, with bound parameters as the application sends them. */
class PostgresQueryPlanTest extends QueryPlanContract {

    @Override
    DataSources.Settings database() {
        return new DataSources.Settings(TestPostgres.newDatabase("plans"), TestPostgres.user(), null, 2, "plans");
    }

    @Override
    List<String> plan(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return lines(rs, 1);
            }
        }
    }

    @Override
    void assertUsesIndex(List<String> plan, String index) {
        assertThat(plan).anyMatch(line -> line.contains("Index Scan using " + index)
                || line.contains("Index Only Scan using " + index)
                || line.contains("Bitmap Index Scan on " + index));
        assertThat(plan).noneMatch(line -> line.contains("Seq Scan on assertion_view")
                || line.contains("Seq Scan on badge_class_view"));
    }

    @Override
    void assertNoSort(List<String> plan) {
        assertThat(plan).noneMatch(line -> line.trim().startsWith("Sort") || line.contains("->  Sort"));
    }
}
