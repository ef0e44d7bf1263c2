package io.badges.query.cache;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A slot in Redis: {@code <rank>|<kind><payload>}, kind {@code V} (payload: the value, JSON or Smile),
 * {@code A} (absent) or {@code T} (tombstone). The rank leads so that the set-if-newer script can
 * compare it without understanding the payload.
 */
final class SlotCodec<V> {

    private final ObjectMapper mapper;
    private final JavaType type;

    SlotCodec(ObjectMapper mapper, JavaType type) {
        this.mapper = mapper;
        this.type = type;
    }

    /** The part after {@code <rank>|}. */
    byte[] body(Slot<V> slot) {
        return switch (slot.kind()) {
            case ABSENT -> new byte[] {'A'};
            case TOMBSTONE -> new byte[] {'T'};
            case VALUE -> {
                try {
                    byte[] payload = mapper.writeValueAsBytes(slot.value());
                    byte[] body = new byte[payload.length + 1];
                    body[0] = 'V';
                    System.arraycopy(payload, 0, body, 1, payload.length);
                    yield body;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    Slot<V> decode(byte[] stored) {
        int bar = indexOf(stored, (byte) '|');
        if (bar < 1 || bar + 1 >= stored.length) {
            throw new IllegalArgumentException("not a cache slot");
        }
        long rank = Long.parseLong(new String(stored, 0, bar, StandardCharsets.US_ASCII));
        return switch (stored[bar + 1]) {
            case 'A' -> new Slot<>(rank, Slot.Kind.ABSENT, null);
            case 'T' -> new Slot<>(rank, Slot.Kind.TOMBSTONE, null);
            case 'V' -> {
                try {
                    V value = mapper.readValue(stored, bar + 2, stored.length - bar - 2, type);
                    yield new Slot<>(rank, Slot.Kind.VALUE, value);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            default -> throw new IllegalArgumentException("unknown slot kind");
        };
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length && i < 20; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
