package io.badges.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.badges.persistence.DataSources;
import io.badges.persistence.Migrations;
import io.badges.persistence.Database;
import io.badges.persistence.Side;
import io.badges.testsupport.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With BADGES_QUERY_DB_REPLICA_URL set, the read API reads the replica, not the primary. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class PostgresReplicaReadTest {

    private static final String COMMAND_DB = TestPostgres.newDatabase("replica_command");
    private static final String PRIMARY_DB = TestPostgres.newDatabase("replica_primary");
    private static final String REPLICA_DB = TestPostgres.newDatabase("replica_replica");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("badges.db.url", () -> COMMAND_DB);
        registry.add("badges.db.user", TestPostgres::user);
        registry.add("badges.query-db.url", () -> PRIMARY_DB);
        registry.add("badges.query-db.user", TestPostgres::user);
        registry.add("badges.query-db.replica-url", () -> REPLICA_DB);
        registry.add("badges.public-base-url", () -> "https://badges.test");
    }

    @Test
    void readsComeFromTheReplica() throws Exception {
        try (HikariDataSource replica = DataSources.create(
                new DataSources.Settings(REPLICA_DB, TestPostgres.user(), null, 1, "test-replica"),
                DataSources.Role.WRITER)) {
            Migrations.migrate(replica, Database.forUrl(REPLICA_DB), Side.QUERY);
            JdbcClient.create(replica).sql("""
                    INSERT INTO issuer_view (id, name, url, email, created_at, updated_at, last_seq)
                    VALUES ('only-on-the-replica', 'Replica Org', 'https://r.example', 'r@r.example', now(), now(), 0)
                    """).update();
        }

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/issuers/only-on-the-replica")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Replica Org");
    }
}
