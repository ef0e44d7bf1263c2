package io.badges.query.http;

import jakarta.servlet.http.HttpServletRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * One answer of a public read, serialised once: its status, bytes and the headers that let a browser,
 * a CDN or another verifier keep it and revalidate it. The same value answers through the hot path
 * ({@link HotReadFilter}) and through the MVC controller behind it, so both give the same bytes and
 * the same headers.
 *
 * @param etag         a strong validator: the first 128 bits of the body's SHA-256, so equal bytes have
 *                     equal tags on every instance
 * @param lastModified when this instance serialised it (seconds): never earlier than the change it shows
 */
public record Representation(int status, String contentType, byte[] body, String etag, String cacheControl,
                             String vary, long lastModified) {

    /** What a CORS-mapped route varies on (Spring's CORS processing names the same three). */
    public static final String VARY_CORS = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

    /** A negotiated document (JSON for machines, a page for browsers) varies on Accept as well. */
    public static final String VARY_NEGOTIATED = VARY_CORS + ", Accept";

    public static final String JSON = "application/json";

    public static Representation of(int status, String contentType, byte[] body, String cacheControl, String vary) {
        return new Representation(status, contentType, body, etagOf(body), cacheControl, vary,
                Instant.now().getEpochSecond());
    }

    /** The strong ETag of {@code body}: the first 128 bits of its SHA-256, base64url. */
    public static String etagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * Whether a client holding a copy may keep it (RFC 9110 13.2.2): If-None-Match when sent (weak
     * comparison, or {@code *}), else If-Modified-Since. A copy serialised within the client's second is
     * not "unmodified" by date: a change and a new copy can share one second (HTTP dates have no finer
     * grain), so only the ETag answers 304 then.
     */
    public boolean notModified(String ifNoneMatch, long ifModifiedSinceMillis) {
        if (status != HttpStatus.OK.value()) {
            return false;
        }
        if (ifNoneMatch != null) {
            return matches(ifNoneMatch, etag);
        }
        return ifModifiedSinceMillis >= 0 && lastModified + 1 <= ifModifiedSinceMillis / 1000;
    }

    /** If-None-Match (RFC 9110 13.1.2): a list of tags, weak or strong, compared weakly; or "*". */
    public static boolean matches(String ifNoneMatch, String etag) {
        int from = 0;
        int length = ifNoneMatch.length();
        while (from < length) {
            int comma = ifNoneMatch.indexOf(',', from);
            int to = comma < 0 ? length : comma;
            String tag = ifNoneMatch.substring(from, to).strip();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
                return true;
            }
            from = to + 1;
        }
        return false;
    }

    /** Whether the client of {@code request} holds this answer already (its validators). */
    public boolean notModified(HttpServletRequest request) {
        return notModified(request.getHeader(HttpHeaders.IF_NONE_MATCH), ifModifiedSince(request));
    }

    private static long ifModifiedSince(HttpServletRequest request) {
        try {
            return request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
        } catch (IllegalArgumentException e) {
            return -1;  // not an HTTP-date: ignored, as RFC 9110 says
        }
    }

    /** The answer as the MVC controllers give it: 200 (or the stored status) with the bytes, or 304. */
    public ResponseEntity<byte[]> answer(HttpServletRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(etag);
        headers.setCacheControl(cacheControl);
        headers.setLastModified(lastModified * 1000);
        if (notModified(request)) {
            return new ResponseEntity<>(headers, HttpStatus.NOT_MODIFIED);
        }
        headers.set(HttpHeaders.CONTENT_TYPE, contentType);
        return new ResponseEntity<>(body, headers, HttpStatus.valueOf(status));
    }
}
