package io.badges.query.cache;

/**
 * A value read from the read model with the version it had: the aggregate sequence of the last
 * event applied to its row, plus one (so that "absent" is version 0).
 */
public record Versioned<V>(V value, long version) {

    public static <V> Versioned<V> of(V value, long lastSeq) {
        return new Versioned<>(value, lastSeq + 1);
    }
}
