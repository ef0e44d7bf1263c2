package io.badges.command.api;

import io.badges.testsupport.TestSqlite;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The embedded default: SQLite file under the data directory. */
class SqliteWriteApiTest extends WriteApiContract {

    private static final Path DATA = TestSqlite.newDirectory("write-api");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("badges.data-dir", DATA::toString);
        registry.add("badges.api-keys", () -> KEY);
        registry.add("badges.public-base-url", () -> "https://badges.test");
    }
}
