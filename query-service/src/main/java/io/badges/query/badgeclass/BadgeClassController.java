package io.badges.query.badgeclass;

import io.badges.query.Cursor;
import io.badges.query.NotFound;
import io.badges.query.Page;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BadgeClassController {

    private final BadgeClassViewStore store;
    private final BadgeClassRepresentations representations;

    BadgeClassController(BadgeClassViewStore store, BadgeClassRepresentations representations) {
        this.store = store;
        this.representations = representations;
    }

    /** Usually answered by the hot path ({@link io.badges.query.http.HotReadFilter}) with the same bytes. */
    @GetMapping(BadgeClassRepresentations.API)
    @ApiResponse(responseCode = "200", description = "the badge class",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BadgeClassView.class)))
    ResponseEntity<byte[]> get(@PathVariable String id, HttpServletRequest request) {
        return representations.view(id).orElseThrow(() -> new NotFound(BadgeClassRepresentations.WHAT, id)).answer(request);
    }

    /** The badge classes of an issuer, oldest first, keyset-paginated. */
    @GetMapping("/api/v1/issuers/{issuerId}/badge-classes")
    Page<BadgeClassView> ofIssuer(@PathVariable String issuerId, @RequestParam(required = false) Integer limit,
                                  @RequestParam(required = false) String cursor) {
        int size = Cursor.limit(limit);
        Cursor after = Cursor.decode(cursor);
        if (!store.issuerExists(issuerId)) {
            throw new NotFound("issuer", issuerId);
        }
        return store.ofIssuer(issuerId, after, size);
    }
}
