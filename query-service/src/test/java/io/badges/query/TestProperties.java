package io.badges.query;

import io.badges.query.config.QueryProperties;
import io.badges.web.Deployment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** QueryProperties as application.yml would bind them, with the parts a test cares about. */
public final class TestProperties {

    private TestProperties() {
    }

    public static QueryProperties of(QueryProperties.Verifier verifier, QueryProperties.Cache cache) {
        return of(verifier, cache, Deployment.SINGLE_PROCESS);
    }

    public static QueryProperties of(QueryProperties.Verifier verifier, QueryProperties.Cache cache,
                                     Deployment deployment) {
        return of(verifier, cache, deployment, true);
    }

    /** Only the projection's settings, with its batched writes on or off. */
    public static QueryProperties withBatchWrites(boolean batchWrites) {
        return of(null, null, Deployment.SINGLE_PROCESS, batchWrites);
    }

    private static QueryProperties of(QueryProperties.Verifier verifier, QueryProperties.Cache cache,
                                      Deployment deployment, boolean batchWrites) {
        return new QueryProperties(Path.of("target"), "https://badges.test", null,
                new QueryProperties.Db(null, null, null),
                new QueryProperties.QueryDb(null, null, null, null, 1, Duration.ofMillis(100), Duration.ofSeconds(1)),
                new QueryProperties.Projection(Duration.ofMillis(50), 1000, Duration.ofSeconds(10), 5, batchWrites),
                verifier, cache, new QueryProperties.Cors(List.of("*")), Duration.ZERO, deployment,
                new QueryProperties.Http(true, "public, max-age=10, stale-while-revalidate=30", Duration.ZERO));
    }

    public static QueryProperties withCache(QueryProperties.Cache cache) {
        return withCache(cache, Deployment.SINGLE_PROCESS);
    }

    public static QueryProperties withCache(QueryProperties.Cache cache, Deployment deployment) {
        return of(new QueryProperties.Verifier(Map.of(), false, Duration.ofSeconds(1), Duration.ofSeconds(1), 4096, 0,
                Duration.ofMinutes(1), 1 << 20, 12, 1 << 20, Duration.ofSeconds(10), 8), cache, deployment);
    }
}
