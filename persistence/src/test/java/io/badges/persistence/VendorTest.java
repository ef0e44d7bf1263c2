package io.badges.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VendorTest {

    @Test
    void recognisesBothVendorsFromTheJdbcUrl() {
        assertThat(Vendor.fromJdbcUrl("jdbc:sqlite:data/command.db")).isEqualTo(Vendor.SQLITE);
        assertThat(Vendor.fromJdbcUrl("jdbc:postgresql://127.0.0.1/badges")).isEqualTo(Vendor.POSTGRESQL);
        assertThatThrownBy(() -> Vendor.fromJdbcUrl("jdbc:mysql://x/y")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sqliteInstantsAreFixedWidthSoTextOrderIsTimeOrder() {
        List<Instant> instants = List.of(
                Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00.5Z"),
                Instant.parse("2026-01-01T00:00:00.123456789Z"),
                Instant.parse("2026-01-01T00:00:01Z"));

        List<String> texts = instants.stream().map(i -> (String) Vendor.SQLITE.bindInstant(i)).toList();

        assertThat(texts).allSatisfy(t -> assertThat(t).hasSize(27));
        assertThat(texts.stream().sorted().collect(Collectors.toList()))
                .isEqualTo(instants.stream().sorted().map(i -> (String) Vendor.SQLITE.bindInstant(i)).toList());
        assertThat(Vendor.SQLITE.readInstant(texts.get(2))).isEqualTo(Instant.parse("2026-01-01T00:00:00.123456Z"));
    }

    @Test
    void postgresInstantsRoundTripThroughOffsetDateTimeAtMicroseconds() {
        Instant instant = Instant.parse("2026-11-22T10:15:30.123456789Z");

        Object bound = Vendor.POSTGRESQL.bindInstant(instant);

        assertThat(bound).isEqualTo(OffsetDateTime.of(2026, 11, 22, 10, 15, 30, 123_456_000, ZoneOffset.UTC));
        assertThat(Vendor.POSTGRESQL.readInstant(bound)).isEqualTo(Vendor.truncate(instant));
        assertThat(Vendor.POSTGRESQL.bindInstant(null)).isNull();
    }

    @Test
    void eachSideHasItsOwnMigrationsPerVendor() {
        assertThat(Vendor.SQLITE.migrations(Vendor.Side.COMMAND)).isEqualTo("classpath:db/migration/command/sqlite");
        assertThat(Vendor.POSTGRESQL.migrations(Vendor.Side.QUERY)).isEqualTo("classpath:db/migration/query/postgresql");
    }
}
