package io.badges.credentials;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.random.RandomGenerator;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The bitstring of a W3C Bitstring Status List v1.0 (a revocation list: bit 1 = revoked). Bit 0 is
 * the most significant bit of the first byte; the list has at least 131,072 bits (16 KiB) so that one
 * revoked index says little about whom it belongs to; {@code encodedList} is {@code u} + base64url,
 * without padding, of the GZIP of the bytes. Not thread-safe: build one per (re-)signing.
 */
public final class BitstringStatusList {

    /** The minimum length of a list, in bits (Bitstring Status List v1.0, section 4.1). */
    public static final int MIN_BITS = 131_072;
    /** The largest list we decode, against GZIP bombs: 16 MiB of bits. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private static final RandomGenerator RANDOM = new SecureRandom();
    private static final int RANDOM_TRIES = 64;

    private final byte[] bytes;

    /** An empty list of {@link #MIN_BITS} bits. */
    public BitstringStatusList() {
        this(MIN_BITS);
    }

    /** An empty list of {@code bits} bits: at least {@link #MIN_BITS} and a whole number of bytes. */
    public BitstringStatusList(int bits) {
        if (bits < MIN_BITS || bits % 8 != 0) {
            throw new IllegalArgumentException("a status list has a multiple of 8 bits, at least " + MIN_BITS);
        }
        this.bytes = new byte[bits / 8];
    }

    private BitstringStatusList(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * The list of an {@code encodedList}.
     *
     * @throws IllegalArgumentException when it is not {@code u}-base64url of a GZIP, or its bits are
     *                                  fewer than {@link #MIN_BITS} or more than 16 MiB
     */
    public static BitstringStatusList decode(String encodedList) {
        if (encodedList == null || encodedList.isEmpty() || encodedList.charAt(0) != Multibase.BASE64URL) {
            throw new IllegalArgumentException("an encodedList is multibase base64url, starting with 'u'");
        }
        return inflate(Multibase.decode(encodedList));
    }

    /**
     * The list of a W3C CCG Status List 2021 {@code encodedList}: the same GZIP of the same bits, but
     * base64url (or base64) without the multibase prefix.
     *
     * @throws IllegalArgumentException as {@link #decode(String)}
     */
    public static BitstringStatusList decodeStatusList2021(String encodedList) {
        if (encodedList == null || encodedList.isEmpty()) {
            throw new IllegalArgumentException("the encodedList is empty");
        }
        String base64url = encodedList.replace('+', '-').replace('/', '_').replace("=", "");
        byte[] gzip;
        try {
            gzip = java.util.Base64.getUrlDecoder().decode(base64url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the encodedList is not base64: " + e.getMessage(), e);
        }
        return inflate(gzip);
    }

    private static BitstringStatusList inflate(byte[] gzip) {
        byte[] bits;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            bits = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new IllegalArgumentException("the encodedList is not GZIP: " + e.getMessage(), e);
        }
        if (bits.length > MAX_BYTES) {
            throw new IllegalArgumentException("status list larger than " + MAX_BYTES + " bytes");
        }
        if (bits.length * 8L < MIN_BITS) {
            throw new IllegalArgumentException("status list of " + bits.length * 8L + " bits, fewer than " + MIN_BITS);
        }
        return new BitstringStatusList(bits);
    }

    /** The {@code encodedList}: {@code u} + base64url-no-padding(GZIP(bits)). */
    public String encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Multibase.base64url(out.toByteArray());
    }

    /** The length of the list in bits. */
    public int size() {
        return bytes.length * 8;
    }

    /** Whether the bit at {@code index} is set (for a revocation list: revoked). */
    public boolean get(int index) {
        check(index);
        return (bytes[index >>> 3] & mask(index)) != 0;
    }

    public void set(int index, boolean value) {
        check(index);
        if (value) {
            bytes[index >>> 3] |= mask(index);
        } else {
            bytes[index >>> 3] &= (byte) ~mask(index);
        }
    }

    /** How many bits are set. */
    public int cardinality() {
        int count = 0;
        for (byte b : bytes) {
            count += Integer.bitCount(b & 0xff);
        }
        return count;
    }

    /** A copy of the bytes, bit 0 being the most significant bit of the first. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, bytes.length);
    }

    /**
     * A random index in {@code [0, size)} that is not in {@code used}: random, so that indexes do not
     * tell the order of awards; never one already taken.
     *
     * @throws IllegalStateException when every index is taken
     */
    public static int randomFreeIndex(int size, Set<Integer> used) {
        return randomFreeIndex(size, used::contains, RANDOM);
    }

    /**
     * {@link #randomFreeIndex(int, Set)} over any "is taken" test and random source: a few random draws,
     * then, on a nearly full list, the first free index after a random start.
     */
    public static int randomFreeIndex(int size, IntPredicate taken, RandomGenerator random) {
        if (size <= 0) {
            throw new IllegalArgumentException("size must be positive");
        }
        for (int i = 0; i < RANDOM_TRIES; i++) {
            int candidate = random.nextInt(size);
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
        int start = random.nextInt(size);
        for (int i = 0; i < size; i++) {
            int candidate = (int) ((start + (long) i) % size);
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("every one of the " + size + " indexes is taken");
    }

    private void check(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("index " + index + " outside a list of " + size() + " bits");
        }
    }

    private static byte mask(int index) {
        return (byte) (0x80 >>> (index & 7));
    }
}
