package io.badges.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Function;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * A unit of work with its own Spring transaction, on the SQLite writer pool (one connection, as in
 * production), wrapped by the slow-query log as in production. The transaction's commit returns the
 * connection to the pool; a second borrower takes it and opens a statement before the unit of work
 * cleans up. A second close() of the first checkout would clear that borrower's statement list, so
 * Hikari would no longer close the statement when the borrower returns the connection.
 */
class SpringConnectionsTest {

    private HikariDataSource pool;
    private DataSource dataSource;

    @BeforeEach
    void writerPool() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "spring-connections-" + System.nanoTime()));
        pool = DataSources.create(new DataSources.Settings("jdbc:sqlite:" + dir.resolve("t.db"), null, null, 1, "t"),
                DataSources.Role.WRITER);
        dataSource = SlowQueryLog.wrap(pool, "t", Duration.ofMinutes(1));
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void releasesTheUnitOfWorksConnectionOnce() throws Exception {
        Statement borrowersStatement = borrowBetweenCommitAndCleanUp(SpringConnections::unitOfWorkAware);

        assertThat(borrowersStatement.isClosed()).as("closed by Hikari with the borrower's connection").isTrue();
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    /** Why {@link SpringConnections} exists: if Axon fixes its default, this fails and ours can go. */
    @Test
    void axonsDefaultProviderClosesItTwiceAndClearsTheNextBorrowersStatements() throws Exception {
        Statement borrowersStatement = borrowBetweenCommitAndCleanUp(ds ->
                new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(ds)));

        assertThat(borrowersStatement.isClosed()).as("no longer tracked by Hikari").isFalse();
        borrowersStatement.close();
    }

    @Test
    void aConnectionTakenOutsideAUnitOfWorkGoesBackToThePool() throws Exception {
        ConnectionProvider provider = SpringConnections.unitOfWorkAware(dataSource);
        for (int i = 0; i < 3; i++) {
            try (Connection c = provider.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
            }
        }
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    private Statement borrowBetweenCommitAndCleanUp(Function<DataSource, ConnectionProvider> providerOf)
            throws Exception {
        ConnectionProvider provider = providerOf.apply(dataSource);
        var transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        Connection[] borrowed = new Connection[1];
        Statement[] opened = new Statement[1];

        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        Connection inUnitOfWork = provider.getConnection();
        try (Statement s = inUnitOfWork.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS t (v INTEGER)");
            s.execute("INSERT INTO t VALUES (1)");
        }
        inUnitOfWork.close();
        unitOfWork.afterCommit(u -> {
            try {
                borrowed[0] = dataSource.getConnection();
                opened[0] = borrowed[0].createStatement();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        unitOfWork.commit();

        borrowed[0].close();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("the unit of work committed").isEqualTo(1);
        }
        return opened[0];
    }
}
