package io.badges.command.assertion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.badges.persistence.DataSources;
import io.badges.persistence.Database;
import io.badges.persistence.Migrations;
import io.badges.persistence.Side;
import io.badges.testsupport.TestSqlite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class RequestFingerprintsTest {

    private static final String REQUEST = """
            {"badgeClassId":"b","recipient":{"type":"email","identity":"alice@example.org"}}""";

    private static RecipientLookupKey lookupKey(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return new RecipientLookupKey(key);
    }

    @Test
    void aFingerprintIsKeyedSoAGuessedRequestCannotBeTestedAgainstIt() throws Exception {
        String plain = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(REQUEST.getBytes(StandardCharsets.UTF_8)));

        String fingerprint = RequestFingerprints.resolve(null, lookupKey(1)).of(REQUEST);

        assertThat(fingerprint).hasSize(64).isNotEqualTo(plain);
        assertThat(RequestFingerprints.resolve(null, lookupKey(2)).of(REQUEST)).isNotEqualTo(fingerprint);
        assertThat(RequestFingerprints.resolve(null, lookupKey(1)).of(REQUEST))
                .as("instances sharing the lookup key agree").isEqualTo(fingerprint);
        assertThat(RequestFingerprints.resolve(null, lookupKey(1)).of(REQUEST.replace("alice", "bob")))
                .isNotEqualTo(fingerprint);
    }

    @Test
    void aConfiguredSecretIsUsedAndMustBeLongEnough() {
        String secret = Base64.getEncoder().encodeToString(new byte[32]);

        assertThat(RequestFingerprints.resolve(secret, lookupKey(1)).of(REQUEST))
                .isNotEqualTo(RequestFingerprints.resolve(null, lookupKey(1)).of(REQUEST));
        assertThatThrownBy(() -> RequestFingerprints.resolve(Base64.getEncoder().encodeToString(new byte[16]),
                lookupKey(1))).hasMessageContaining("BADGES_IDEMPOTENCY_KEY");
    }

    @Test
    void theMigrationErasesThePlainDigestsOfEarlierVersionsAndTheirRecordsStillReplay() {
        String url = "jdbc:sqlite:" + TestSqlite.newDirectory("idempotency-migration").resolve("command.db");
        Database vendor = Database.forUrl(url);
        try (HikariDataSource db = DataSources.create(new DataSources.Settings(url, null, null, 1, "migration-test"),
                DataSources.Role.WRITER)) {
            Flyway.configure().dataSource(db)
                    .locations(vendor.migrations(Side.COMMAND), Database.commonMigrations(Side.COMMAND))
                    .placeholders(vendor.typePlaceholders()).table("flyway_" + Side.COMMAND.folder() + "_history")
                    .baselineOnMigrate(true).baselineVersion("0").target("5").load().migrate();
            JdbcClient jdbc = JdbcClient.create(db);
            String at = "2026-01-01T00:00:00Z";
            jdbc.sql("INSERT INTO issuer (id, name, url, email, created_at, updated_at) VALUES ('i', 'I', 'https://i.example', "
                    + "'a@i.example', ?, ?)").params(at, at).update();
            jdbc.sql("INSERT INTO badge_class (id, issuer_id, name, description, criteria_narrative, created_at, updated_at) "
                    + "VALUES ('b', 'i', 'B', 'd', 'n', ?, ?)").params(at, at).update();
            jdbc.sql("INSERT INTO assertion (id, badge_class_id, issuer_id, recipient_type, recipient_identity, "
                    + "recipient_hashed, verification_type, issued_on) VALUES ('assertion-1', 'b', 'i', 'email', "
                    + "'sha256$00', 1, 'hosted', ?)").param(at).update();
            String plain = "ab".repeat(32);
            jdbc.sql("""
                    INSERT INTO idempotency_key (client_id, idem_key, request_hash, assertion_id, response_body, created_at)
                    VALUES ('client', 'key-1', ?, 'assertion-1', '{"id":"assertion-1"}', '2026-01-01T00:00:00Z')""")
                    .param(plain).update();

            Migrations.migrate(db, vendor, Side.COMMAND);

            String stored = jdbc.sql("SELECT request_hash FROM idempotency_key WHERE idem_key = 'key-1'")
                    .query(String.class).single();
            assertThat(stored).isEqualTo(IdempotencyStore.ERASED);
            IdempotencyStore.Entry entry = new IdempotencyStore.Entry("assertion-1", stored, "{}");
            assertThat(entry.answers(RequestFingerprints.resolve(null, lookupKey(1)).of(REQUEST))).isTrue();
            assertThat(new IdempotencyStore.Entry("a", "cd".repeat(32), "{}").answers("ef".repeat(32))).isFalse();
        }
    }
}
