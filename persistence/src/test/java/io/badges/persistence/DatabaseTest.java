package io.badges.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    private static final Database SQLITE = Database.forUrl("jdbc:sqlite:");
    private static final Database POSTGRESQL = Database.forUrl("jdbc:postgresql:");

    @Test
    void recognisesBothVendorsFromTheJdbcUrl() {
        assertThat(Database.forUrl("jdbc:sqlite:data/command.db")).isSameAs(SQLITE);
        assertThat(Database.forUrl("jdbc:postgresql://127.0.0.1/badges")).isSameAs(POSTGRESQL);
        assertThatThrownBy(() -> Database.forUrl("jdbc:mysql://x/y")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sqliteInstantsAreFixedWidthSoTextOrderIsTimeOrder() {
        List<Instant> instants = List.of(
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00.5Z"),
                Instant.parse("2026-01-01T00:00:00.123456789Z"),
                Instant.parse("2026-01-01T00:00:01Z"));

        List<String> texts = instants.stream().map(i -> (String) SQLITE.bindInstant(i)).toList();

        assertThat(texts).allSatisfy(t -> assertThat(t).hasSize(27));
        assertThat(texts.stream().sorted().collect(Collectors.toList()))
                .isEqualTo(instants.stream().sorted().map(i -> (String) SQLITE.bindInstant(i)).toList());
        assertThat(SQLITE.readInstant(texts.get(2))).isEqualTo(Instant.parse("2026-01-01T00:00:00.123456Z"));
    }

    @Test
    void postgresInstantsRoundTripThroughOffsetDateTimeAtMicroseconds() {
        Instant instant = Instant.parse("2026-11-22T10:15:30.123456789Z");

        Object bound = POSTGRESQL.bindInstant(instant);

        assertThat(bound).isEqualTo(OffsetDateTime.of(2026, 11, 22, 10, 15, 30, 123_456_000, ZoneOffset.UTC));
        assertThat(POSTGRESQL.readInstant(bound)).isEqualTo(Database.truncate(instant));
        assertThat(POSTGRESQL.bindInstant(null)).isNull();
    }

    @Test
    void theQueryDatabaseDefaultsToItsOwnFileOnSqliteAndTheCommandDatabaseOnPostgres() {
        assertThat(SQLITE.defaultQueryUrl("jdbc:sqlite:data/command.db", Path.of("data")))
                .isEqualTo(Database.embeddedUrl(Path.of("data"), "query"))
                .isEqualTo("jdbc:sqlite:" + Path.of("data", "query.db"));
        assertThat(POSTGRESQL.defaultQueryUrl("jdbc:postgresql://db/badges", Path.of("data")))
                .isEqualTo("jdbc:postgresql://db/badges");
    }

    @Test
    void eachSideHasItsOwnMigrationsPerVendor() {
        assertThat(SQLITE.migrations(Side.COMMAND)).isEqualTo("classpath:db/migration/command/sqlite");
        assertThat(POSTGRESQL.migrations(Side.QUERY)).isEqualTo("classpath:db/migration/query/postgresql");
    }
}
