package io.badges.query.config;

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
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Three pools: the read-model writer (projection and its token, migrated at start), readers for the
 * API (a replica when one is configured) and a read-only connection to the command side's event store.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfig.class);

    @Bean
    Database database(QueryProperties properties) {
        return Database.forUrl(properties.queryDb().urlOr(properties.db(), properties.dataDir()));
    }

    @Bean(destroyMethod = "close")
    @Primary
    DataSource dataSource(QueryProperties properties, Database database) {
        QueryProperties.QueryDb db = properties.queryDb();
        HikariDataSource dataSource = StartupRetry.connect("query database", db.startupTimeout(),
                () -> DataSources.create(new DataSources.Settings(db.urlOr(properties.db(), properties.dataDir()),
                        db.userOr(properties.db()), db.passwordOr(properties.db()), db.poolSize(), "query-writer"),
                        DataSources.Role.WRITER));
        var result = StartupRetry.connect("query migrations", db.startupTimeout(),
                () -> Migrations.migrate(dataSource, database, Side.QUERY));
        log.info("query schema ready vendor={} version={} applied={}", database.name(), result.targetSchemaVersion,
                result.migrationsExecuted);
        return SlowQueryLog.wrap(dataSource, "query-writer", db.slowQueryThreshold());
    }

    @Bean(destroyMethod = "close")
    @Qualifier("reads")
    DataSource readDataSource(QueryProperties properties, DataSource dataSource) {
        QueryProperties.QueryDb db = properties.queryDb();
        String replica = db.replicaUrl();
        String url = replica != null && !replica.isBlank()
                ? replica
                : db.urlOr(properties.db(), properties.dataDir());
        return SlowQueryLog.wrap(DataSources.create(new DataSources.Settings(url, db.userOr(properties.db()),
                db.passwordOr(properties.db()), db.poolSize(), "query-reader"), DataSources.Role.READER),
                "query-reader", db.slowQueryThreshold());
    }

    /** Projection writes, in the processor's transaction. */
    @Bean
    @Primary
    JdbcClient jdbcClient(DataSource dataSource) {
        return JdbcClient.create(dataSource);
    }

    @Bean
    @Qualifier("reads")
    JdbcClient readJdbcClient(@Qualifier("reads") DataSource readDataSource) {
        return JdbcClient.create(readDataSource);
    }

    @Bean(destroyMethod = "close")
    @Profile("!distributed")
    @Qualifier("eventSource")
    HikariDataSource eventSourceDataSource(QueryProperties properties) {
        QueryProperties.Db db = properties.db();
        return DataSources.create(new DataSources.Settings(db.urlOr(properties.dataDir()), db.user(), db.password(),
                2, "event-source"), DataSources.Role.READER);
    }

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
