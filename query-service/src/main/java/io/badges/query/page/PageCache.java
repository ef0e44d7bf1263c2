package io.badges.query.page;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.badges.query.config.QueryProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Rendered document pages, kept under the page they show ({@link BadgePage}, {@link BadgeClassPage}):
 * a value equal to everything the page says, read from the read caches (assertion, badge class,
 * issuer, keys) and the live verification. An event that changes any of it changes the key, so nothing here
 * needs invalidating and no instance can serve a stale page; an expiry that passes changes the
 * verdict and so the key too. The old page ages out by size. Off with the read caches
 * ({@code BADGES_CACHE_ENABLED=false}) or {@code badges.pages.cache-size=0}.
 */
@Component
class PageCache {

    private final Cache<Object, Rendered> pages;
    private final Counter hits;
    private final Counter misses;

    PageCache(QueryProperties query, PagesProperties settings, MeterRegistry meters) {
        long bytes = settings.cacheSize().toBytes();
        this.pages = query.cache().enabled() && bytes > 0
                ? Caffeine.newBuilder().maximumWeight(bytes)
                        .weigher((Object page, Rendered rendered) -> rendered.html().length + 512).build()
                : null;
        this.hits = Counter.builder("badges.pages.cache").tag("result", "hit")
                .description("document pages served already rendered").register(meters);
        this.misses = Counter.builder("badges.pages.cache").tag("result", "miss")
                .description("document pages rendered").register(meters);
    }

    /** The page rendered for {@code page} before, or {@code render}'s, kept for the next request. */
    Rendered get(Object page, Supplier<Rendered> render) {
        if (pages == null) {
            misses.increment();
            return render.get();
        }
        Rendered kept = pages.getIfPresent(page);
        if (kept != null) {
            hits.increment();
            return kept;
        }
        misses.increment();
        Rendered rendered = render.get();
        pages.put(page, rendered);
        return rendered;
    }
}
