package io.badges.command.config;

import com.zaxxer.hikari.HikariDataSource;
import io.badges.persistence.DataSources;
import io.badges.persistence.Migrations;
import io.badges.persistence.PoolHealth;
import io.badges.persistence.SlowQueryLog;
import io.badges.persistence.StartupRetry;
import io.badges.persistence.Database;
import io.badges.persistence.Side;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The primary database: one HikariCP pool, migrated before anything else can use it, so every bean
 * that receives the DataSource sees the current schema.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfig.class);

    @Bean
    Database database(BadgesProperties properties) {
        return Database.forUrl(properties.db().urlOr(properties.dataDir()));
    }

    @Bean(destroyMethod = "close")
    @Primary
    DataSource dataSource(BadgesProperties properties, Database database) {
        BadgesProperties.Db db = properties.db();
        HikariDataSource dataSource = StartupRetry.connect("command database", db.startupTimeout(),
                () -> DataSources.create(new DataSources.Settings(db.urlOr(properties.dataDir()), db.user(),
                        db.password(), db.poolSize(), "command-primary"), DataSources.Role.WRITER));
        var result = StartupRetry.connect("command migrations", db.startupTimeout(),
                () -> Migrations.migrate(dataSource, database, Side.COMMAND));
        log.info("command schema ready vendor={} version={} applied={}", database.name(), result.targetSchemaVersion,
                result.migrationsExecuted);
        return SlowQueryLog.wrap(dataSource, "command-primary", db.slowQueryThreshold());
    }

    /** {@code java -jar command-service.jar migrate}: the DataSource above has migrated; stop here. */
    @Bean
    @Profile("migrate-only")
    ApplicationRunner exitAfterMigration(ConfigurableApplicationContext context) {
        return args -> System.exit(SpringApplication.exit(context, () -> 0));
    }

    /** The {@code pools} health component: every connection pool's size and use. */
    @Bean("pools")
    PoolHealth poolHealth(Map<String, DataSource> dataSources) {
        return new PoolHealth(dataSources);
    }
}
