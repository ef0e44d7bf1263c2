package io.badges.persistence;

import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Logs every statement slower than a threshold (statement text and duration, never the bound
 * values: they may be personal data; our code binds every value, so no statement text holds one) and
 * counts them.
 *
 * <p>The pool's connections and statements are wrapped in JDK proxies that time only the
 * {@code execute...} calls and pass everything else straight through. (datasource-proxy did this
 * before and recorded every call and bound parameter on the way: 6 % of the command service's CPU
 * samples and 13 % of its allocations under single awards; docs/benchmarks.md, "Projection lag".)
 */
public final class SlowQueryLog {

    private static final Logger log = LoggerFactory.getLogger(SlowQueryLog.class);

    private final String pool;
    private final long thresholdNanos;
    private final AtomicLong slowQueries = new AtomicLong();

    private SlowQueryLog(String pool, Duration threshold) {
        this.pool = pool;
        this.thresholdNanos = threshold.toNanos();
    }

    /** The pool behind a data source that reports its slow statements; closing it closes the pool. */
    public static Timed wrap(DataSource pool, String name, Duration threshold) {
        return new Timed(pool, new SlowQueryLog(name, threshold));
    }

    public long count() {
        return slowQueries.get();
    }

    private void finished(long startNanos, String sql, int batchSize) {
        long elapsed = System.nanoTime() - startNanos;
        if (elapsed >= thresholdNanos) {
            // Spring Boot adds its registries to the global one (management.metrics.use-global-registry)
            io.micrometer.core.instrument.Metrics.counter("badges.db.slow.queries", "pool", pool).increment();
            slowQueries.incrementAndGet();
            log.warn("slow query pool={} durationMs={} batch={} statement=\"{}\"", pool, elapsed / 1_000_000, batchSize,
                    sql == null ? "" : sql.replaceAll("\\s+", " ").trim());
        }
    }

    /** The wrapped pool: unwraps to it (HikariCP's metrics and health find it), closes it. */
    public static final class Timed extends DelegatingDataSource implements Closeable {

        private final SlowQueryLog slow;

        private Timed(DataSource pool, SlowQueryLog slow) {
            super(pool);
            this.slow = slow;
        }

        public SlowQueryLog log() {
            return slow;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return timed(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return timed(super.getConnection(username, password));
        }

        private Connection timed(Connection connection) {
            return (Connection) Proxy.newProxyInstance(SlowQueryLog.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, new ConnectionHandler(connection, slow));
        }

        @Override
        public void close() throws IOException {
            if (obtainTargetDataSource() instanceof Closeable pool) {  // HikariCP's pool is
                pool.close();
            }
        }
    }

    /** What every proxy here answers alike: equality by identity, unwrapping to the real object. */
    private abstract static class Handler implements InvocationHandler {

        final Object target;

        Handler(Object target) {
            this.target = target;
        }

        @Override
        public final Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "unwrap":
                    return ((Class<?>) args[0]).isInstance(proxy) ? proxy : call(method, args);
                case "isWrapperFor":
                    return ((Class<?>) args[0]).isInstance(proxy) || (boolean) call(method, args);
                default:
                    return handle(proxy, method, args);
            }
        }

        abstract Object handle(Object proxy, Method method, Object[] args) throws Throwable;

        final Object call(Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    private static final class ConnectionHandler extends Handler {

        private final SlowQueryLog slow;

        ConnectionHandler(Connection connection, SlowQueryLog slow) {
            super(connection);
            this.slow = slow;
        }

        @Override
        Object handle(Object proxy, Method method, Object[] args) throws Throwable {
            Object result = call(method, args);
            if (result instanceof Statement statement) {
                String name = method.getName();
                String sql = name.startsWith("prepare") ? (String) args[0] : null;
                Class<?> type = name.equals("prepareCall") ? CallableStatement.class
                        : name.equals("prepareStatement") ? PreparedStatement.class : Statement.class;
                return Proxy.newProxyInstance(SlowQueryLog.class.getClassLoader(), new Class<?>[] {type},
                        new StatementHandler(statement, (Connection) proxy, sql, slow));
            }
            return result;
        }
    }

    /** Times the execute calls; a batch's size is counted from its addBatch calls. */
    private static final class StatementHandler extends Handler {

        private final Connection connection;
        private final String prepared;
        private final SlowQueryLog slow;
        private int batched;
        private Set<String> batchedSql;

        StatementHandler(Statement statement, Connection connection, String prepared, SlowQueryLog slow) {
            super(statement);
            this.connection = connection;
            this.prepared = prepared;
            this.slow = slow;
        }

        @Override
        Object handle(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.startsWith("execute")) {
                boolean batch = name.startsWith("executeBatch") || name.startsWith("executeLargeBatch");
                String sql = prepared != null ? prepared
                        : batch ? (batchedSql == null ? null : String.join("; ", batchedSql))
                        : args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                int size = batch ? batched : 0;
                long start = System.nanoTime();
                try {
                    return call(method, args);
                } finally {
                    if (batch) {
                        batched = 0;
                        batchedSql = null;
                    }
                    slow.finished(start, sql, size);
                }
            }
            switch (name) {
                case "addBatch" -> {
                    batched++;
                    if (prepared == null && args != null && args.length == 1) {
                        if (batchedSql == null) {
                            batchedSql = new LinkedHashSet<>();
                        }
                        batchedSql.add((String) args[0]);
                    }
                }
                case "clearBatch" -> {
                    batched = 0;
                    batchedSql = null;
                }
                case "getConnection" -> {
                    return connection;
                }
                default -> {
                }
            }
            return call(method, args);
        }
    }
}
