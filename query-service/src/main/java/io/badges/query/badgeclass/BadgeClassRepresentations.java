package io.badges.query.badgeclass;

import io.badges.query.http.HotRead;
import io.badges.query.http.HotReads;
import io.badges.query.http.Representation;
import io.badges.query.http.Representations;
import io.badges.vocabulary.OpenBadges2;
import io.badges.vocabulary.PublicUrls;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The answers of a badge class's public reads by id, serialised once per version ({@link Representations}).
 * The OB 2.0 document's image is always our image URL, which serves the uploaded picture, redirects to the
 * issuer's own URL, or serves a generated one: OB 2.0 requires an image, so every badge class has one.
 */
@Component
class BadgeClassRepresentations implements HotReads {

    static final String API = "/api/v1/badge-classes/{id}";
    /** What an unknown id's 404 says there is none of, on either path. */
    static final String WHAT = "badge class";

    private final BadgeClassViewStore store;
    private final OpenBadges2 documents;
    private final Representations representations;

    BadgeClassRepresentations(BadgeClassViewStore store, OpenBadges2 documents, Representations representations) {
        this.store = store;
        this.documents = documents;
        this.representations = representations;
    }

    @Override
    public List<HotRead> hotReads() {
        return List.of(HotRead.of(API, false, WHAT, this::view, store::someIds),
                HotRead.of(PublicUrls.BADGE, true, WHAT, this::document, store::someIds));
    }

    Optional<Representation> view(String id) {
        return store.find(id).map(view -> representations.of("badge-class:" + id, view,
                () -> representations.json(200, view, Representation.VARY_CORS)));
    }

    Optional<Representation> document(String id) {
        return store.find(id).map(badge -> representations.of("badge-class-document:" + id, badge,
                () -> representations.json(200, documents.badgeClass(new OpenBadges2.BadgeClass(id,
                        badge.issuer().id(), badge.name(), badge.description(), documents.urls().badgeImage(id),
                        badge.criteria(), badge.tags())), Representation.VARY_NEGOTIATED)));
    }
}
