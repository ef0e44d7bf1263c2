package io.badges.query.badgeclass;

import io.badges.query.NotFound;
import io.badges.vocabulary.OpenBadges2;
import io.badges.vocabulary.PublicUrls;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** OB 2.0 BadgeClass documents. */
@RestController
class BadgeClassDocumentController {

    private final BadgeClassViewStore store;
    private final OpenBadges2 documents;

    BadgeClassDocumentController(BadgeClassViewStore store, OpenBadges2 documents) {
        this.store = store;
        this.documents = documents;
    }

    /**
     * The image is always our image URL, which serves the uploaded picture, redirects to the issuer's
     * own URL, or serves a generated one: OB 2.0 requires an image, so every badge class has one.
     */
    @GetMapping(PublicUrls.BADGE)
    Map<String, Object> badge(@PathVariable String id) {
        BadgeClassView badge = store.find(id).orElseThrow(() -> new NotFound("badge class", id));
        return documents.badgeClass(new OpenBadges2.BadgeClass(id, badge.issuer().id(), badge.name(),
                badge.description(), documents.urls().badgeImage(id), badge.criteria(), badge.tags()));
    }
}
