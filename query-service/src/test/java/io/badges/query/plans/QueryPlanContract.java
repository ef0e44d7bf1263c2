package io.badges.query.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.badges.persistence.DataSources;
import io.badges.persistence.Migrations;
import io.badges.persistence.Database;
import io.badges.persistence.Side;
import io.badges.query.Cursor;
import io.badges.query.assertion.AssertionViewStore;
import io.badges.query.badgeclass.BadgeClassViewStore;
import io.badges.query.credential.CredentialStore;
import io.badges.query.credential.StatusListStore;
import io.badges.query.image.BadgeImageStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every hot read query, exactly as the stores run it, against read tables holding 100k+ rows on a
 * real database: its plan must use the intended index, scan no large table and sort nothing.
 * One subclass per vendor.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QueryPlanContract {

    static final int ISSUERS = 1_000;
    static final int BADGE_CLASSES = 100_000;
    static final int ASSERTIONS = 120_000;
    /** Badge classes holding awards: 300 each, more than ten pages (see {@link Cursor#limitClause}). */
    static final int AWARDED_BADGE_CLASSES = 400;
    /** The LIMIT of a default page, as the stores append it. */
    static final String PAGE = Cursor.limitClause(Cursor.DEFAULT_LIMIT + 1);
    static final int RECIPIENTS = 20_000;
    /** Badge classes with an uploaded picture. */
    static final int IMAGES = 5_000;
    /** Status lists per issuer. */
    static final int LISTS = 3;
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private HikariDataSource dataSource;
    Database vendor;

    abstract DataSources.Settings database();

    /** The plan lines of {@code sql} with these parameters. */
    abstract List<String> plan(Connection connection, String sql, Object... parameters) throws SQLException;

    /** Asserts the plan uses {@code index} and scans no large table (assertion_view, badge_class_view). */
    abstract void assertUsesIndex(List<String> plan, String index);

    /** Asserts the rows come in the index's order: a page stops after LIMIT rows instead of sorting them all. */
    abstract void assertNoSort(List<String> plan);

    @BeforeAll
    void load() throws SQLException {
        DataSources.Settings settings = database();
        vendor = Database.forUrl(settings.url());
        dataSource = DataSources.create(settings, DataSources.Role.WRITER);
        Migrations.migrate(dataSource, vendor, Side.QUERY);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            insert(c, "INSERT INTO issuer_view (id, name, url, email, created_at, updated_at, last_seq) "
                    + "VALUES (?, ?, 'https://i.example', 'i@i.example', ?, ?, 0)", ISSUERS, (s, i) -> {
                        s.setString(1, "issuer-" + i);
                        s.setString(2, "Issuer " + i);
                        s.setObject(3, vendor.bindInstant(T0));
                        s.setObject(4, vendor.bindInstant(T0));
                    });
            insert(c, "INSERT INTO badge_class_view (id, issuer_id, name, description, criteria_narrative, tags, "
                    + "created_at, updated_at, last_seq) VALUES (?, ?, 'B', 'D', 'N', '[]', ?, ?, 0)", BADGE_CLASSES, (s, i) -> {
                        s.setString(1, "badge-" + i);
                        s.setString(2, "issuer-" + (i % ISSUERS));
                        s.setObject(3, vendor.bindInstant(T0.plusSeconds(i)));
                        s.setObject(4, vendor.bindInstant(T0.plusSeconds(i)));
                    });
            insert(c, "INSERT INTO assertion_view (id, badge_class_id, issuer_id, recipient_type, recipient_identity, "
                    + "recipient_hashed, evidence, verification_type, issued_on, revoked, recipient_lookup, last_seq) "
                    + "VALUES (?, ?, ?, 'email', 'sha256$x', ?, '[]', 'hosted', ?, ?, ?, 0)", ASSERTIONS, (s, i) -> {
                        int badge = i % AWARDED_BADGE_CLASSES;
                        s.setString(1, "assertion-" + i);
                        s.setString(2, "badge-" + badge);
                        s.setString(3, "issuer-" + (badge % ISSUERS));
                        s.setBoolean(4, true);
                        s.setObject(5, vendor.bindInstant(T0.plusSeconds(i)));
                        s.setBoolean(6, i % 100 == 0);
                        s.setString(7, String.format("%064x", i % RECIPIENTS));
                    });
            insert(c, "INSERT INTO badge_class_image (badge_class_id, media_type, image, sha256, updated_at, last_seq) "
                    + "VALUES (?, 'image/png', ?, ?, ?, 1)", IMAGES, (s, i) -> {
                        s.setString(1, "badge-" + i * (BADGE_CLASSES / IMAGES));
                        s.setBytes(2, new byte[] {(byte) i});
                        s.setString(3, String.format("%064x", i));
                        s.setObject(4, vendor.bindInstant(T0));
                    });
            insert(c, "INSERT INTO status_list_view (issuer_id, list_id, version, credential, updated_at, last_seq) "
                    + "VALUES (?, ?, 1, '{}', ?, 1)", ISSUERS * LISTS, (s, i) -> {
                        s.setString(1, "issuer-" + i / LISTS);
                        s.setString(2, Integer.toString(i % LISTS));
                        s.setObject(3, vendor.bindInstant(T0));
                    });
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE");
            }
            c.commit();
        }
    }

    interface Binder {
        void bind(PreparedStatement statement, int row) throws SQLException;
    }

    private static void insert(Connection c, String sql, int rows, Binder binder) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < rows; i++) {
                binder.bind(statement, i);
                statement.addBatch();
                if (i % 1_000 == 999) {
                    statement.executeBatch();
                }
            }
            statement.executeBatch();
        }
    }

    @AfterAll
    void close() {
        dataSource.close();
    }

    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    List<String> plan(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<String> plan = plan(c, sql, parameters);
            System.out.println(vendor.name() + " plan of " + sql.lines().filter(l -> l.contains("WHERE")).findFirst().orElse(sql)
                    + "\n  " + String.join("\n  ", plan));
            return plan;
        }
    }

    static List<String> lines(ResultSet rs, int column) throws SQLException {
        List<String> lines = new ArrayList<>();
        while (rs.next()) {
            lines.add(rs.getString(column));
        }
        return lines;
    }

    @Test
    void tablesHoldMoreThanAHundredThousandRows() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("assertion_view", "badge_class_view")) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(table).isGreaterThanOrEqualTo(100_000);
                }
            }
        }
    }

    @Test
    void assertionsOfABadgeClassUseTheBadgeClassIndex() throws SQLException {
        List<String> first = plan(AssertionViewStore.OF_BADGE_CLASS + PAGE, "badge-7");
        List<String> next = plan(AssertionViewStore.OF_BADGE_CLASS_AFTER + PAGE, "badge-7",
                vendor.bindInstant(T0.plusSeconds(60_000)), "assertion-60007");

        for (List<String> plan : List.of(first, next)) {
            assertUsesIndex(plan, "assertion_view_badge_class_idx");
            assertNoSort(plan);
        }
    }

    /** A person holds few badges: sorting their handful of rows is fine, finding them must use the index. */
    @Test
    void assertionsOfARecipientUseTheRecipientIndex() throws SQLException {
        String lookup = String.format("%064x", 42);
        assertUsesIndex(plan(AssertionViewStore.OF_RECIPIENT + PAGE, lookup), "assertion_view_recipient_idx");
        assertUsesIndex(plan(AssertionViewStore.OF_RECIPIENT_AFTER + PAGE, lookup,
                vendor.bindInstant(T0.plusSeconds(60_000)), "assertion-60042"), "assertion_view_recipient_idx");
    }

    @Test
    void revocationListUsesThePartialIndex() throws SQLException {
        assertUsesIndex(plan(AssertionViewStore.REVOKED_OF_ISSUER, "issuer-7"), "assertion_view_revoked_idx");
    }

    @Test
    void badgeClassesOfAnIssuerUseTheIssuerIndex() throws SQLException {
        List<String> first = plan(BadgeClassViewStore.OF_ISSUER + PAGE, "issuer-7");
        List<String> next = plan(BadgeClassViewStore.OF_ISSUER_AFTER + PAGE, "issuer-7",
                vendor.bindInstant(T0.plusSeconds(50_007)), "badge-50007");

        for (List<String> plan : List.of(first, next)) {
            assertUsesIndex(plan, "badge_class_view_issuer_idx");
            assertNoSort(plan);
        }
    }

    /** The picture behind every badge and assertion image: both tables by their primary keys, nothing scanned. */
    @Test
    void badgeImageIsReadByThePrimaryKeys() throws SQLException {
        for (String badge : List.of("badge-40", "badge-41")) {  // with a picture, without one
            List<String> plan = plan(BadgeImageStore.SELECT, badge);
            assertThat(String.join("\n", plan)).containsAnyOf("badge_class_image_pkey", "sqlite_autoindex_badge_class_image")
                    .containsAnyOf("badge_class_view_pkey", "sqlite_autoindex_badge_class_view")
                    .doesNotContain("Seq Scan");
            assertThat(plan).noneMatch(line -> line.strip().startsWith("SCAN "));
        }
    }

    @Test
    void readsByIdUseThePrimaryKeys() throws SQLException {
        List<String> plan = plan(AssertionViewStore.SELECT + "WHERE a.id = ?", "assertion-5");
        assertThat(String.join("\n", plan)).doesNotContainIgnoringCase("scan assertion_view")
                .doesNotContain("Seq Scan on assertion_view").doesNotContain("Seq Scan on badge_class_view");
    }

    /** Every status list GET on a cache miss: one row by its two-column primary key. */
    @Test
    void statusListIsReadByItsPrimaryKey() throws SQLException {
        List<String> plan = plan(StatusListStore.SELECT, "issuer-7", "1");
        assertThat(String.join("\n", plan)).containsAnyOf("status_list_view_pkey", "sqlite_autoindex_status_list_view")
                .doesNotContain("Seq Scan");
        assertThat(plan).noneMatch(line -> line.strip().startsWith("SCAN "));
    }

    @Test
    void credentialIsReadByThePrimaryKey() throws SQLException {
        List<String> plan = plan(CredentialStore.SELECT, "assertion-5");
        assertThat(String.join("\n", plan)).containsAnyOf("assertion_view_pkey", "sqlite_autoindex_assertion_view")
                .doesNotContain("Seq Scan");
        assertThat(plan).noneMatch(line -> line.strip().startsWith("SCAN "));
    }
}
