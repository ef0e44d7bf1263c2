package io.badges.query.image;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.badges.query.config.QueryProperties;
import io.badges.vocabulary.image.BadgeImages;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Assertion images with the assertion baked in, baked once and kept in this instance, bounded by
 * their bytes ({@code badges.cache.baked-images-max-size}, 64 MiB by default).
 * <p>The key holds the sha256 of the picture baked into: a new picture is a new key, so nothing
 * stale can be served whatever the timing, here or on another instance. The rest of the key's
 * value never changes: an assertion's document is fixed once issued, and a revocation is checked
 * by the caller before it serves from here. Not in Redis: baking again costs less than moving
 * up to half a megabyte over the network.
 */
@Component
class BakedImages {

    /**
     * {@code generation}: what is baked in, the OB 2.0 assertion or the OB 3.0 credential; the two of one
     * award are different images.
     */
    record Key(String assertionId, BadgeImages.Generation generation, String pictureSha256) {
    }

    /** {@code badgeClassId}: to free the entries of a badge class whose picture changed. */
    record Baked(String badgeClassId, String mediaType, byte[] bytes, String sha256) {
    }

    /** Null when the caches are switched off. */
    private final Cache<Key, Baked> cache;

    BakedImages(QueryProperties properties, MeterRegistry meters) {
        if (!properties.cache().enabled()) {
            this.cache = null;
            return;
        }
        this.cache = Caffeine.newBuilder()
                .maximumWeight(properties.cache().bakedImagesMaxSize().toBytes())
                .weigher((Key key, Baked baked) -> baked.bytes().length + 256)
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(meters, cache, "baked-image");
    }

    /** The baked image of this key; concurrent misses of one key bake once. */
    Baked get(Key key, Supplier<Baked> bake) {
        return cache == null ? bake.get() : cache.get(key, k -> bake.get());
    }

    /** Frees the memory held by images baked into a badge class's former picture (their keys are dead). */
    void forget(String badgeClassId) {
        if (cache != null) {
            cache.asMap().values().removeIf(baked -> baked.badgeClassId().equals(badgeClassId));
        }
    }
}
