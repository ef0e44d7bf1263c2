package io.badges.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One token bucket per client (an API key, an address): {@code ratePerSecond} tokens a second, at most
 * {@code burst} held. The buckets are bounded in number; a bucket idle long enough to be full again is
 * forgotten without changing any answer.
 */
public final class TokenBuckets {

    private static final long MAX_CLIENTS = 100_000;

    private final double perNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private final Cache<Object, Bucket> buckets;

    public TokenBuckets(int ratePerSecond, int burst, LongSupplier nanoTime) {
        this.perNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.nanoTime = nanoTime;
        long refill = ratePerSecond == 0 ? 1 : (long) Math.ceil((double) burst / ratePerSecond);
        this.buckets = Caffeine.newBuilder()
                .maximumSize(MAX_CLIENTS)
                .expireAfterAccess(Duration.ofSeconds(refill + 1))
                .build();
    }

    /** False when {@code ratePerSecond} is 0: nobody is limited. */
    public boolean enabled() {
        return perNano > 0;
    }

    /** 0 when the client may go on, else the whole seconds until its next token. */
    public long take(Object client) {
        long wait = buckets.get(client, c -> new Bucket()).take();
        return wait == 0 ? 0 : Math.max(1, (long) Math.ceil(wait / 1e9));
    }

    private final class Bucket {
        private double tokens = burst;
        private long refilledAt = nanoTime.getAsLong();

        /** 0 when a token was taken, else the nanoseconds until one is there. */
        synchronized long take() {
            long now = nanoTime.getAsLong();
            tokens = Math.min(burst, tokens + (now - refilledAt) * perNano);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perNano);
        }
    }
}
