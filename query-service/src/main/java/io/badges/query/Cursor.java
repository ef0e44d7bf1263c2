package io.badges.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import org.springframework.http.HttpStatus;

/**
 * An opaque keyset cursor: the sort key (an instant) and the id of the last item of a page, in
 * base64url. Clients pass it back untouched; anything else is a 400.
 */
public record Cursor(Instant at, String id) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Null for the first page. */
    public static Cursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            return new Cursor(Instant.parse(text.substring(0, bar)), text.substring(bar + 1));
        } catch (IllegalArgumentException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-cursor", "Invalid cursor",
                    "cursor must be a value returned as nextCursor");
        }
    }

    /**
     * The LIMIT clause of a page query that fetches {@code rows} rows (one more than the page, to know
     * whether another follows). A literal, not a bound parameter: for {@code LIMIT ?} PostgreSQL's
     * generic plan assumes a tenth of the matching rows. Where a key matches more than ten pages'
     * worth (a badge class of 1,000 awards) that costs more than a custom plan for {@code LIMIT 21},
     * so the plan cache never settles on the generic plan and plans the statement again on every
     * execution (docs/architecture.md, "Lists, lookups and bulk awards"). With a literal, both plans
     * cost the same and the generic one is kept. The value is an int from {@link #limit}, so nothing
     * a client sends reaches the SQL text.
     */
    public static String limitClause(int rows) {
        if (rows < 1 || rows > MAX_LIMIT + 1) {
            throw new IllegalArgumentException("rows " + rows);
        }
        return " LIMIT " + rows;
    }

    /** The page size asked for: default 20, at most 100. */
    public static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-limit", "Invalid limit",
                    "limit must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
