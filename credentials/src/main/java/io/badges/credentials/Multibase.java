package io.badges.credentials;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;

/**
 * The two multibase encodings the credentials use: {@code z} + base58btc (keys, proof values) and
 * {@code u} + base64url without padding (status lists).
 */
public final class Multibase {

    public static final char BASE58BTC = 'z';
    public static final char BASE64URL = 'u';

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger FIFTY_EIGHT = BigInteger.valueOf(58);
    private static final int[] INDEX = new int[128];

    static {
        Arrays.fill(INDEX, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            INDEX[ALPHABET.charAt(i)] = i;
        }
    }

    private Multibase() {
    }

    /** {@code z} + base58btc of the bytes. */
    public static String base58btc(byte[] bytes) {
        return BASE58BTC + encodeBase58(bytes);
    }

    /** {@code u} + base64url of the bytes, without padding. */
    public static String base64url(byte[] bytes) {
        return BASE64URL + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The bytes of a {@code z} (base58btc) or {@code u} (base64url) multibase string.
     *
     * @throws IllegalArgumentException on another prefix or a character outside the alphabet
     */
    public static byte[] decode(String multibase) {
        if (multibase == null || multibase.isEmpty()) {
            throw new IllegalArgumentException("empty multibase value");
        }
        String rest = multibase.substring(1);
        return switch (multibase.charAt(0)) {
            case BASE58BTC -> decodeBase58(rest);
            case BASE64URL -> {
                if (rest.indexOf('=') >= 0) {
                    throw new IllegalArgumentException("base64url multibase must not be padded");
                }
                yield Base64.getUrlDecoder().decode(rest);
            }
            default -> throw new IllegalArgumentException("unsupported multibase prefix '" + multibase.charAt(0) + "'");
        };
    }

    /** Bitcoin's base58 alphabet, leading zero bytes as leading '1's; no prefix. */
    public static String encodeBase58(byte[] bytes) {
        int zeros = 0;
        while (zeros < bytes.length && bytes[zeros] == 0) {
            zeros++;
        }
        StringBuilder out = new StringBuilder();
        BigInteger value = new BigInteger(1, bytes);
        while (value.signum() > 0) {
            BigInteger[] qr = value.divideAndRemainder(FIFTY_EIGHT);
            out.append(ALPHABET.charAt(qr[1].intValue()));
            value = qr[0];
        }
        out.append("1".repeat(zeros));
        return out.reverse().toString();
    }

    /** The inverse of {@link #encodeBase58(byte[])}. */
    public static byte[] decodeBase58(String text) {
        int zeros = 0;
        while (zeros < text.length() && text.charAt(zeros) == '1') {
            zeros++;
        }
        BigInteger value = BigInteger.ZERO;
        for (int i = zeros; i < text.length(); i++) {
            char c = text.charAt(i);
            int digit = c < 128 ? INDEX[c] : -1;
            if (digit < 0) {
                throw new IllegalArgumentException("not a base58btc character: '" + c + "'");
            }
            value = value.multiply(FIFTY_EIGHT).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
        int skip = magnitude.length > 0 && magnitude[0] == 0 ? 1 : 0;
        byte[] out = new byte[zeros + magnitude.length - skip];
        System.arraycopy(magnitude, skip, out, zeros, magnitude.length - skip);
        return out;
    }
}
