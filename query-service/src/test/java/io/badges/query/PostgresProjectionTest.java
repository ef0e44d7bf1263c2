package io.badges.query;

import io.badges.persistence.DataSources;
import io.badges.testsupport.TestPostgres;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The postgres profile: the event store in one database, the read tables in another. */
@ActiveProfiles("postgres")
class PostgresProjectionTest extends ProjectionContract {

    private static final String COMMAND_DB = TestPostgres.newDatabase("command");
    private static final String QUERY_DB = TestPostgres.newDatabase("query");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("badges.public-base-url", () -> "https://badges.test");
        registry.add("badges.db.url", () -> COMMAND_DB);
        registry.add("badges.db.user", TestPostgres::user);
        registry.add("badges.query-db.url", () -> QUERY_DB);
        registry.add("badges.query-db.user", TestPostgres::user);
    }

    @Override
    DataSources.Settings commandDatabase() {
        return new DataSources.Settings(COMMAND_DB, TestPostgres.user(), null, 2, "test-command");
    }
}
