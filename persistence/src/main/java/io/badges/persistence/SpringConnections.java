package io.badges.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.ConnectionWrapperFactory;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Axon's connections from a Spring-managed DataSource, released at most once.
 *
 * <p>Axon's default provider (a {@link UnitOfWorkAwareConnectionProviderWrapper} around its
 * {@code SpringDataSourceConnectionProvider}) releases a unit of work's connection in the clean-up
 * phase. When the unit of work began its own Spring transaction (a command sent outside
 * {@code @Transactional}, an event processor's batch), that transaction has committed before then and
 * has already returned the connection to the pool, so the release closes a HikariCP connection a
 * second time. Hikari's {@code close()} first clears the statement list of the pool entry, and by
 * then that list belongs to the connection's next borrower: two threads change it at once. Seen
 * under load as {@code ArrayIndexOutOfBoundsException: Index -1} in
 * {@code ProxyConnection.trackStatement} (an award answered 500). This provider skips the release of
 * a connection that is already closed; {@code SpringConnectionsTest} shows both behaviours.
 */
public final class SpringConnections implements ConnectionProvider {

    private final DataSource dataSource;
    private final ConnectionWrapperFactory.ConnectionCloseHandler handler;

    private SpringConnections(DataSource dataSource) {
        this.dataSource = dataSource;
        this.handler = new ReleaseOnce(dataSource);
    }

    /** The provider for Axon's JDBC token and event stores: one connection per unit of work. */
    public static ConnectionProvider unitOfWorkAware(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringConnections(dataSource));
    }

    @Override
    public Connection getConnection() throws SQLException {
        return ConnectionWrapperFactory.wrap(DataSourceUtils.doGetConnection(dataSource), handler);
    }

    private record ReleaseOnce(DataSource dataSource) implements ConnectionWrapperFactory.ConnectionCloseHandler {

        @Override
        public void close(Connection connection) {
            if (!isClosed(connection)) {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }

        /** The transaction that owns the connection commits it; a connection of its own commits here. */
        @Override
        public void commit(Connection connection) throws SQLException {
            if (!DataSourceUtils.isConnectionTransactional(connection, dataSource)) {
                connection.commit();
            }
        }

        private static boolean isClosed(Connection connection) {
            try {
                return connection.isClosed();
            } catch (SQLException e) {
                return false;
            }
        }
    }
}
