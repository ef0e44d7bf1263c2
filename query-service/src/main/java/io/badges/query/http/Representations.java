package io.badges.query.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.badges.query.config.QueryProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The serialised answers of the public reads, each kept with the value it was made from. The value
 * comes from the read caches on every request (so freshness is theirs: an event's invalidation reaches
 * the answer the moment it reaches the value); while the value read is equal to the one kept, its bytes
 * and validators are reused instead of serialising it again. Bounded by bytes; off with the read caches.
 */
@Component
public class Representations {

    private record Kept(Object source, Representation representation) {
    }

    private final ObjectMapper json;
    private final String cacheControl;
    private final Cache<String, Kept> kept;
    private final Counter reused;
    private final Counter serialised;

    Representations(QueryProperties properties, ObjectMapper json, MeterRegistry meters) {
        this.json = json;
        this.cacheControl = properties.http().documentCacheControl();
        QueryProperties.Cache settings = properties.cache();
        long bytes = settings.representationsMaxSize().toBytes();
        this.kept = settings.enabled() && bytes > 0
                ? Caffeine.newBuilder().maximumWeight(bytes)
                        .weigher((String key, Kept entry) -> 160 + key.length() + entry.representation().body().length)
                        .build()
                : null;
        this.reused = Counter.builder("badges.representations").tag("result", "reused")
                .description("public answers served from bytes serialised before").register(meters);
        this.serialised = Counter.builder("badges.representations").tag("result", "serialised")
                .description("public answers serialised").register(meters);
    }

    /** {@code value} as JSON, written as Spring MVC writes it (the application's ObjectMapper). */
    public Representation json(int status, Object value, String vary) {
        try {
            return json(status, json.writeValueAsBytes(value), vary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** JSON bytes made elsewhere, with this service's validators and caching policy. */
    public Representation json(int status, byte[] body, String vary) {
        return Representation.of(status, Representation.JSON, body, cacheControl, vary);
    }

    /**
     * The answer for {@code source} under {@code key}: the kept one when it was made from an equal value,
     * else {@code make}'s, kept for the next request.
     */
    public Representation of(String key, Object source, Supplier<Representation> make) {
        if (kept != null) {
            Kept entry = kept.getIfPresent(key);
            if (entry != null && entry.source().equals(source)) {
                reused.increment();
                return entry.representation();
            }
        }
        serialised.increment();
        Representation made = make.get();
        if (kept != null) {
            kept.put(key, new Kept(source, made));
        }
        return made;
    }
}
