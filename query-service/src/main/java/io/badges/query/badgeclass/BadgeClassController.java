package io.badges.query.badgeclass;

import io.badges.query.Cursor;
import io.badges.query.NotFound;
import io.badges.query.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BadgeClassController {

    private final BadgeClassViewStore store;

    BadgeClassController(BadgeClassViewStore store) {
        this.store = store;
    }

    @GetMapping("/api/v1/badge-classes/{id}")
    BadgeClassView get(@PathVariable String id) {
        return store.find(id).orElseThrow(() -> new NotFound("badge class", id));
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
