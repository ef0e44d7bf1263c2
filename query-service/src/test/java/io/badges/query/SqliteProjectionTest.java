package io.badges.query;

import io.badges.persistence.DataSources;
import io.badges.testsupport.TestSqlite;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The embedded default: command.db and query.db under one data directory. */
class SqliteProjectionTest extends ProjectionContract {

    private static final Path DATA = TestSqlite.newDirectory("projection");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("badges.public-base-url", () -> "https://badges.test");
        registry.add("badges.data-dir", DATA::toString);
    }

    @Override
    DataSources.Settings commandDatabase() {
        return new DataSources.Settings("jdbc:sqlite:" + DATA.resolve("command.db"), null, null, 1, "test-command");
    }
}
