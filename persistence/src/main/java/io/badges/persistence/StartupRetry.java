package io.badges.persistence;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up against a database that is not reachable yet (containers starting together, a failover):
 * retry with exponential back-off and full jitter, bounded, logged. Only "cannot connect" errors are
 * retried; bad credentials or a broken migration fail at once.
 */
public final class StartupRetry {

    private static final Logger log = LoggerFactory.getLogger(StartupRetry.class);
    private static final long FIRST_MILLIS = 200;
    private static final long MAX_MILLIS = 5_000;

    private StartupRetry() {
    }

    public static <T> T connect(String what, Duration limit, Supplier<T> action) {
        long deadline = System.nanoTime() + limit.toNanos();
        long ceiling = FIRST_MILLIS;
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (RuntimeException e) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (!unreachable(e) || left <= 0) {
                    throw e;
                }
                long sleep = Math.min(left, ThreadLocalRandom.current().nextLong(FIRST_MILLIS / 2, ceiling + 1));
                log.warn("startup.retry what={} attempt={} retryInMs={} leftMs={} cause=\"{}\"", what, attempt, sleep,
                        left, rootMessage(e));
                try {
                    Thread.sleep(sleep);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                ceiling = Math.min(MAX_MILLIS, ceiling * 2);
            }
        }
    }

    /**
     * Connection refused, timed out, lost, or the server is starting up / shutting down (SQLSTATE
     * 08xxx, 57P03). Also used to answer 503 instead of 500 while the database is away.
     */
    public static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("57P03"))) {
                return true;
            }
            if (t instanceof SQLException && "Connection is closed".equals(t.getMessage())) {
                return true;  // HikariCP: the server went away under a transaction (no SQLSTATE given)
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
