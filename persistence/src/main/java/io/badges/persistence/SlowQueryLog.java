package io.badges.persistence;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every statement slower than a threshold (statement text and duration, never the bound
 * values: they may be personal data) through datasource-proxy, and counts them.
 */
public final class SlowQueryLog implements QueryExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(SlowQueryLog.class);

    private final String pool;
    private final long thresholdMillis;
    private final AtomicLong slowQueries = new AtomicLong();

    private SlowQueryLog(String pool, Duration threshold) {
        this.pool = pool;
        this.thresholdMillis = threshold.toMillis();
    }

    /** The pool behind a proxy that reports its slow statements; close the proxy to close the pool. */
    public static DataSource wrap(DataSource pool, String name, Duration threshold) {
        return ProxyDataSourceBuilder.create(name, pool).listener(new SlowQueryLog(name, threshold)).build();
    }

    public long count() {
        return slowQueries.get();
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        // nothing to do before
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        if (execution.getElapsedTime() >= thresholdMillis) {
            // Spring Boot adds its registries to the global one (management.metrics.use-global-registry)
            io.micrometer.core.instrument.Metrics.counter("badges.db.slow.queries", "pool", pool).increment();
            slowQueries.incrementAndGet();
            log.warn("slow query pool={} durationMs={} batch={} statement=\"{}\"", pool, execution.getElapsedTime(),
                    execution.isBatch() ? execution.getBatchSize() : 0,
                    queries.stream().map(q -> q.getQuery().replaceAll("\\s+", " ").trim())
                            .distinct().collect(Collectors.joining("; ")));
        }
    }
}
