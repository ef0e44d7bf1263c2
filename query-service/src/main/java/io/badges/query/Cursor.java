package io.badges.query;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.DateTimeException;
import java.util.Base64;
import java.util.List;
import io.badges.web.ProblemResponses.FieldError;
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

    /** Instants the databases store: a cursor naming another year was not made here. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    private static final int MAX_LENGTH = 512;

    /** Null for the first page. */
    public static Cursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        if (cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            Instant at = Instant.parse(text.substring(0, bar));
            String id = text.substring(bar + 1);
            if (at.isBefore(EARLIEST) || at.isAfter(LATEST) || id.isEmpty()) {
                throw invalid();
            }
            return new Cursor(at, id);
        } catch (IllegalArgumentException | DateTimeException | StringIndexOutOfBoundsException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        String detail = "cursor must be a value returned as nextCursor";
        ProblemException problem = new ProblemException(HttpStatus.BAD_REQUEST, "invalid-cursor", "Invalid cursor",
                detail);
        problem.getBody().setProperty("errors", List.of(new FieldError("cursor", detail)));
        return problem;
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
