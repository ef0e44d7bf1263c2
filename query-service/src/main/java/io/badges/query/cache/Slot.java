package io.badges.query.cache;

/**
 * What a cache level holds for a key. Slots are ordered by {@code rank} and a level only ever
 * replaces a slot by one of higher rank, so a value read before an event committed can never
 * overwrite the tombstone that event left:
 * <ul>
 *   <li>a value of version v has rank 2v + 1 (an absent row, version 0, has rank 1: negative caching);</li>
 *   <li>the tombstone of an event whose row will have version v has rank 2v: it hides every older
 *       value and is replaced by the first reader that loads version v or later.</li>
 * </ul>
 */
record Slot<V>(long rank, Kind kind, V value) {

    enum Kind { VALUE, ABSENT, TOMBSTONE }

    static <V> Slot<V> loaded(Versioned<V> versioned) {
        return versioned == null
                ? new Slot<>(1, Kind.ABSENT, null)
                : new Slot<>(2 * versioned.version() + 1, Kind.VALUE, versioned.value());
    }

    static <V> Slot<V> tombstone(long version) {
        return new Slot<>(2 * version, Kind.TOMBSTONE, null);
    }

    boolean answers() {
        return kind != Kind.TOMBSTONE;
    }
}
