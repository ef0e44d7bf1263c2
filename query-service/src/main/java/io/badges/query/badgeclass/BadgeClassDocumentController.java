package io.badges.query.badgeclass;

import io.badges.query.NotFound;
import io.badges.query.PublicUrls;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** OB 2.0 BadgeClass documents. */
@RestController
class BadgeClassDocumentController {

    private final BadgeClassViewStore store;
    private final PublicUrls urls;

    BadgeClassDocumentController(BadgeClassViewStore store, PublicUrls urls) {
        this.store = store;
        this.urls = urls;
    }

    @GetMapping("/public/badges/{id}")
    Map<String, Object> badge(@PathVariable String id) {
        BadgeClassView badge = store.find(id).orElseThrow(() -> new NotFound("badge class", id));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", "https://w3id.org/openbadges/v2");
        doc.put("type", "BadgeClass");
        doc.put("id", urls.badge(id));
        doc.put("name", badge.name());
        doc.put("description", badge.description());
        if (badge.image() != null) {
            doc.put("image", badge.image());
        }
        Map<String, Object> criteria = new LinkedHashMap<>();
        if (badge.criteria().url() != null) {
            criteria.put("id", badge.criteria().url());
        }
        if (badge.criteria().narrative() != null) {
            criteria.put("narrative", badge.criteria().narrative());
        }
        doc.put("criteria", criteria);
        doc.put("issuer", urls.issuer(badge.issuer().id()));
        if (!badge.tags().isEmpty()) {
            doc.put("tags", badge.tags());
        }
        return doc;
    }
}
