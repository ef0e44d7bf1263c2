package io.badges.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.badges.testsupport.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Instances starting together on one new PostgreSQL database (two query-service instances, say) must
 * all migrate it. Flyway alone let one of them, now and then, find the history table another had just
 * created (still empty), try to baseline it and fail to start; the migration lock makes them take turns.
 */
class ConcurrentMigrationsTest {

    private final List<HikariDataSource> pools = new ArrayList<>();

    @AfterEach
    void close() {
        pools.forEach(HikariDataSource::close);
    }

    @Test
    void anInstanceWaitsWhileAnotherHoldsTheMigrationLockThenFindsItsWorkToDo() throws Exception {
        String url = TestPostgres.newDatabase("migrate_lock");
        Database database = Database.forUrl(url);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() ->
                database.migrateAlone(pool(url, "first"), Side.QUERY, () -> {
                    holding.countDown();
                    await(release);
                    return "done";
                }));
        holding.await();

        CompletableFuture<MigrateResult> second = CompletableFuture.supplyAsync(() ->
                Migrations.migrate(pool(url, "second"), database, Side.QUERY));

        assertThatThrownBy(() -> second.get(2, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
        release.countDown();
        assertThat(first.get()).isEqualTo("done");
        assertThat(second.get().migrationsExecuted).isEqualTo(versions(url));
    }

    @RepeatedTest(4)
    void instancesMigratingOneNewDatabaseAtOnceAllStartAndEachVersionIsAppliedOnce() throws Exception {
        String url = TestPostgres.newDatabase("migrate_race");
        Database database = Database.forUrl(url);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<MigrateResult>> results = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HikariDataSource pool = pool(url, "instance-" + i);
            pool.getConnection().close();  // connected before the start: they race on the migration alone
            results.add(CompletableFuture.supplyAsync(() -> {
                await(go);
                return Migrations.migrate(pool, database, Side.QUERY);
            }));
        }
        go.countDown();
        int applied = 0;
        for (CompletableFuture<MigrateResult> result : results) {
            applied += result.get().migrationsExecuted;
        }
        assertThat(applied).isEqualTo(versions(url)).isPositive();
    }

    private HikariDataSource pool(String url, String name) {
        HikariDataSource pool = DataSources.create(
                new DataSources.Settings(url, TestPostgres.user(), "", 1, name), DataSources.Role.WRITER);
        synchronized (pools) {
            pools.add(pool);
        }
        return pool;
    }

    private int versions(String url) {
        return JdbcClient.create(pool(url, "check"))
                .sql("SELECT count(*) FROM flyway_query_history WHERE success").query(Integer.class).single();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
