package io.badges.query.assertion;

import io.badges.events.assertion.RecipientLookup;
import io.badges.persistence.RecipientLookupKeys;
import io.badges.query.Cursor;
import io.badges.query.NotFound;
import io.badges.query.Page;
import io.badges.query.ProblemException;
import io.badges.query.access.ReadAccess;
import io.badges.query.access.ReadKeys;
import io.badges.query.config.QueryProperties;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AssertionController {

    private final AssertionViewStore store;
    private final AssertionRepresentations representations;
    private final byte[] lookupKey;
    private final ReadKeys keys;
    private final boolean lookupRequiresKey;

    AssertionController(AssertionViewStore store, AssertionRepresentations representations, QueryProperties properties,
                        ReadKeys keys, ReadAccess access) {
        this.store = store;
        this.representations = representations;
        this.lookupKey = RecipientLookupKeys.resolve(properties.recipientLookupKey(), properties.dataDir());
        this.keys = keys;
        this.lookupRequiresKey = access.recipientLookupRequiresKey();
    }

    /** The assertions of a badge class, newest first, keyset-paginated. */
    @GetMapping("/api/v1/badge-classes/{badgeClassId}/assertions")
    Page<AssertionView> ofBadgeClass(@PathVariable String badgeClassId, @RequestParam(required = false) Integer limit,
                                     @RequestParam(required = false) String cursor) {
        int size = Cursor.limit(limit);
        Cursor after = Cursor.decode(cursor);
        if (!store.badgeClassExists(badgeClassId)) {
            throw new NotFound("badge class", badgeClassId);
        }
        return store.ofBadgeClass(badgeClassId, after, size);
    }

    /**
     * The assertions awarded to an address, newest first, found through its keyed hash. With
     * {@code badges.read-access.recipient-lookup-requires-key}, only for a caller with an API key.
     */
    @GetMapping("/api/v1/assertions")
    Page<AssertionView> ofRecipient(@RequestParam(required = false) String recipient,
                                    @RequestParam(required = false) Integer limit,
                                    @RequestParam(required = false) String cursor, HttpServletRequest request) {
        if (lookupRequiresKey && !keys.holds(request)) {
            ProblemException refused = new ProblemException(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "looking up a recipient needs Authorization: Bearer <API key>");
            refused.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            throw refused;
        }
        if (recipient == null || recipient.isBlank()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "missing-recipient", "Missing recipient",
                    "recipient=<email> is required");
        }
        return store.ofRecipient(RecipientLookup.of(lookupKey, recipient), Cursor.decode(cursor), Cursor.limit(limit));
    }

    /** Usually answered by the hot path ({@link io.badges.query.http.HotReadFilter}) with the same bytes. */
    @GetMapping(AssertionRepresentations.API)
    @ApiResponse(responseCode = "200", description = "the assertion",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AssertionView.class)))
    ResponseEntity<byte[]> get(@PathVariable String id, HttpServletRequest request) {
        return representations.view(id).orElseThrow(() -> new NotFound(AssertionRepresentations.WHAT, id)).answer(request);
    }
}
