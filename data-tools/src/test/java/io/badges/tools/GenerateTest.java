package io.badges.tools;

import static org.assertj.core.api.Assertions.assertThat;

import io.badges.events.EventJson;
import io.badges.events.assertion.AssertionIssued;
import io.badges.testsupport.TestSqlite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class GenerateTest {

    @Test
    void writesEveryRowWithTheEventTheServiceWouldHaveStored() throws Exception {
        Path dir = TestSqlite.newDirectory("generate");
        String url = "jdbc:sqlite:" + dir.resolve("command.db");

        Generate.main(new String[] {"--db", url, "--data-dir", dir.toString(), "--issuers", "3",
                "--badge-classes", "7", "--assertions", "1000", "--paths", dir.resolve("paths.txt").toString()});

        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM issuer")).isEqualTo(3);
            assertThat(count(s, "SELECT count(*) FROM badge_class")).isEqualTo(7);
            assertThat(count(s, "SELECT count(*) FROM assertion")).isEqualTo(1000);
            assertThat(count(s, "SELECT count(*) FROM assertion WHERE revoked")).isEqualTo(20);
            assertThat(count(s, "SELECT count(*) FROM domain_event_entry")).isEqualTo(3 + 7 + 1000 + 20);
            assertThat(count(s, "SELECT count(*) FROM domain_event_entry WHERE sequence_number = 1")).isEqualTo(20);
            try (ResultSet rs = s.executeQuery("""
                    SELECT e.payload_type, e.payload, a.badge_class_id, a.recipient_identity
                    FROM domain_event_entry e JOIN assertion a ON a.id = e.aggregate_identifier
                    WHERE e.sequence_number = 0 LIMIT 50""")) {
                while (rs.next()) {
                    String type = rs.getString(1);
                    AssertionIssued event = (AssertionIssued) EventJson.read(type.substring(type.lastIndexOf('.') + 1),
                            rs.getBytes(2));
                    assertThat(event.badgeClassId()).isEqualTo(rs.getString(3));
                    assertThat(event.recipient().identity()).isEqualTo(rs.getString(4));
                    assertThat(event.recipientLookup()).hasSize(64);
                }
            }
        }
        assertThat(Files.readAllLines(dir.resolve("paths.txt"))).hasSize(800).allMatch(p -> p.startsWith("/api/v1/"));
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
