package io.badges.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies one side's migrations. Each side keeps its own history table, so the command and query
 * schemas can share one PostgreSQL database without stepping on each other.
 */
public final class Migrations {

    private Migrations() {
    }

    public static MigrateResult migrate(DataSource dataSource, Database database, Side side) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(database.migrations(side))
                .table("flyway_" + side.folder() + "_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
