package io.badges.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies one side's migrations. Each side keeps its own history table, so the command and query
 * schemas can share one PostgreSQL database without stepping on each other. A migration whose SQL is
 * the same on both vendors but for type names lives once in the side's {@code common} folder and
 * names the types as placeholders ({@link Database#typePlaceholders}); per-vendor folders keep the
 * rest (V1-V3 stay there as applied: rewriting them would change their checksums).
 */
public final class Migrations {

    private Migrations() {
    }

    public static MigrateResult migrate(DataSource dataSource, Database database, Side side) {
        return database.migrateAlone(dataSource, side, () -> Flyway.configure()
                .dataSource(dataSource)
                .locations(database.migrations(side), Database.commonMigrations(side))
                .placeholders(database.typePlaceholders())
                .table("flyway_" + side.folder() + "_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate());
    }
}
