package io.badges.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** API keys held only as SHA-256 digests, a presented key compared with each in constant time. */
public final class KeyDigests {

    private final List<byte[]> digests;

    public KeyDigests(List<String> keys) {
        this.digests = keys.stream().map(KeyDigests::sha256).toList();
    }

    /** The key of {@code Authorization: Bearer <key>}; null without one. */
    public static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
    }

    /** The client a presented key belongs to (its digest, hex), if it is one of these keys. */
    public Optional<String> clientOf(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = sha256(presented);
        boolean match = false;
        for (byte[] known : digests) {
            match |= MessageDigest.isEqual(known, digest);
        }
        return match ? Optional.of(HexFormat.of().formatHex(digest)) : Optional.empty();
    }

    public boolean isEmpty() {
        return digests.isEmpty();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
