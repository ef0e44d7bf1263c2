package io.badges.command.api;

import io.badges.testsupport.TestPostgres;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The postgres profile against a real PostgreSQL server. */
@ActiveProfiles("postgres")
class PostgresWriteApiTest extends WriteApiContract {

    private static final String URL = TestPostgres.newDatabase("write_api");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("badges.db.url", () -> URL);
        registry.add("badges.db.user", TestPostgres::user);
        registry.add("badges.api-keys", () -> KEY);
        registry.add("badges.public-base-url", () -> "https://badges.test");
        registry.add("badges.key-encryption-key", () -> "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        registry.add("badges.data-dir", () -> io.badges.testsupport.TestSqlite.newDirectory("pg-write-api").toString());
    }
}
