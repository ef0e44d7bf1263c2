package io.badges.query.verification;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.vocabulary.PublicUrls;
import io.badges.query.TestProperties;
import io.badges.query.config.QueryProperties;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Verifier parts wired by hand, as the service wires them, with a given URL map and limits. */
final class TestVerifiers {

    private TestVerifiers() {
    }

    static QueryProperties properties(Map<String, String> urlMap, Duration timeout, long maxBytes, int concurrentFetches) {
        return TestProperties.of(new QueryProperties.Verifier(urlMap, false, Duration.ofSeconds(2), timeout, maxBytes,
                3, Duration.ofMinutes(10), 32 << 20, 12, 4 << 20, Duration.ofSeconds(10), concurrentFetches),
                QueryProperties.Cache.defaults(null));
    }

    static DocumentFetcher fetcher(Map<String, String> urlMap, Duration timeout, long maxBytes, int concurrentFetches) {
        QueryProperties properties = properties(urlMap, timeout, maxBytes, concurrentFetches);
        return new DocumentFetcher(properties, new PublicUrls(properties.publicBaseUrl()), new ObjectMapper());
    }

    static DocumentFetcher fetcher(Map<String, String> urlMap, Duration timeout, long maxBytes) {
        return fetcher(urlMap, timeout, maxBytes, 8);
    }

    static DocumentFetcher fetcher(Map<String, String> urlMap) {
        return fetcher(urlMap, Duration.ofSeconds(2), 1_048_576);
    }

    static Path fixtures() {
        return Path.of("src", "test", "resources", "openbadges", "ob20").toAbsolutePath();
    }
}
