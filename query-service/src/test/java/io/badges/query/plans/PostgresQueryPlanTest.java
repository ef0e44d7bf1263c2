package io.badges.query.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.badges.persistence.DataSources;
import io.badges.query.assertion.AssertionViewStore;
import io.badges.query.badgeclass.BadgeClassViewStore;
import io.badges.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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

    /**
     * The page queries run as the services run them (a pooled connection with the driver settings of
     * {@code DataSources}: server-side prepared from the third execution) and PostgreSQL keeps a generic
     * plan for each instead of planning it again on every execution. With {@code LIMIT ?} the badge-class
     * pages, whose key matches 300 rows here, got custom plans only (see {@code Cursor.limitClause}).
     */
    @Test
    void pageQueriesKeepACachedGenericPlan() throws SQLException {
        Map<String, List<Object>> pages = Map.of(
                AssertionViewStore.OF_BADGE_CLASS + PAGE, List.of("badge-7"),
                AssertionViewStore.OF_BADGE_CLASS_AFTER + PAGE,
                List.of("badge-7", vendor.bindInstant(T0.plusSeconds(60_000)), "assertion-60007"),
                AssertionViewStore.OF_RECIPIENT + PAGE, List.of(String.format("%064x", 42)),
                BadgeClassViewStore.OF_ISSUER + PAGE, List.of("issuer-7"));
        try (Connection c = connection()) {
            for (Map.Entry<String, List<Object>> page : pages.entrySet()) {
                for (int i = 0; i < 12; i++) {  // 3 to be server-prepared, then PostgreSQL's 5 custom plans, then more
                    try (PreparedStatement statement = c.prepareStatement(page.getKey())) {
                        for (int p = 0; p < page.getValue().size(); p++) {
                            statement.setObject(p + 1, page.getValue().get(p));
                        }
                        try (ResultSet rs = statement.executeQuery()) {
                            assertThat(rs.next()).as("a page with rows: %s", page.getKey()).isTrue();
                        }
                    }
                }
            }
            try (PreparedStatement statement = c.prepareStatement(
                    "SELECT statement, generic_plans, custom_plans FROM pg_prepared_statements");
                 ResultSet rs = statement.executeQuery()) {
                Map<String, Long> generic = new HashMap<>();
                while (rs.next()) {
                    generic.put(rs.getString(1), rs.getLong(2));
                }
                for (String sql : pages.keySet()) {
                    String prepared = placeholders(sql);
                    assertThat(generic).as("server-side prepared: %s", prepared).containsKey(prepared);
                    assertThat(generic.get(prepared)).as("executions on the cached generic plan: %s", prepared)
                            .isPositive();
                }
            }
        }
    }

    /** The statement text as the driver prepares it: {@code ?} numbered {@code $1, $2, ...}. */
    private static String placeholders(String sql) {
        StringBuilder text = new StringBuilder();
        int n = 0;
        for (char ch : sql.toCharArray()) {
            text.append(ch == '?' ? "$" + ++n : String.valueOf(ch));
        }
        return text.toString();
    }
}
