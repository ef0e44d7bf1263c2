package io.badges.command.domain;

import java.security.SecureRandom;
import java.util.UUID;
import org.axonframework.common.IdentifierFactory;

/**
 * The identifiers this service makes (assertions, badge classes, issuers, keys, and through Axon's
 * {@link IdentifierFactory} every event): UUID version 7 (RFC 9562, section 5.7), 48 bits of Unix
 * milliseconds followed by 74 random bits, so they sort by creation time and stay as hard to guess
 * as a random UUID's 122 bits need to be for a public URL. Version 4 UUIDs landed every insert on a
 * random leaf of each index keyed by them (the event table's two unique keys, the assertion table's
 * primary key, the read side's assertion view): after each checkpoint an award's first change to such a
 * leaf wrote the whole page to the WAL, and the whole of each index had to stay in the buffer cache.
 * Time-ordered keys append at the right edge (docs/benchmarks.md, "Projection lag", 18:30-20:05Z). Same-millisecond identifiers are not ordered among themselves (their
 * random part decides), which costs nothing to an index.
 */
public final class TimeOrderedIds extends IdentifierFactory {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Axon finds this factory through {@code META-INF/services}; it needs a public constructor. */
    public TimeOrderedIds() {
    }

    /** A new identifier, in the usual 36-character form. */
    public static String next() {
        return at(System.currentTimeMillis()).toString();
    }

    static UUID at(long unixMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long high = (unixMillis & 0xFFFF_FFFF_FFFFL) << 16
                | 0x7000L                                           // version 7
                | (random[0] & 0x0FL) << 8 | (random[1] & 0xFFL);   // rand_a: 12 bits
        long low = 0L;
        for (int i = 2; i < 10; i++) {
            low = low << 8 | (random[i] & 0xFFL);
        }
        low = low & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;  // variant 10, rand_b: 62 bits
        return new UUID(high, low);
    }

    @Override
    public String generateIdentifier() {
        return next();
    }
}
