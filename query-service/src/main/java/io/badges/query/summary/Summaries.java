package io.badges.query.summary;

import io.badges.query.cache.Caches;
import io.badges.query.cache.TieredCache;
import io.badges.query.cache.Versioned;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issuer and badge class summaries, cached by id and composed into the badge class and assertion
 * views when they are read: a rename invalidates one summary instead of every cached assertion.
 */
@Component
public class Summaries {

    static final String ISSUERS = "issuer-summary";
    static final String BADGE_CLASSES = "badge-class-summary";

    private final JdbcClient reads;
    private final TieredCache<IssuerSummary> issuers;
    private final TieredCache<BadgeClassSummary> badgeClasses;

    Summaries(@Qualifier("reads") JdbcClient reads, Caches caches) {
        this.reads = reads;
        this.issuers = caches.create(ISSUERS, IssuerSummary.class);
        this.badgeClasses = caches.create(BADGE_CLASSES, BadgeClassSummary.class);
    }

    public IssuerSummary issuer(String id) {
        return issuers.get(id, this::loadIssuer).orElse(new IssuerSummary(id, null, null));
    }

    public BadgeClassSummary badgeClass(String id) {
        return badgeClasses.get(id, this::loadBadgeClass).orElse(new BadgeClassSummary(id, null, null));
    }

    private Optional<Versioned<IssuerSummary>> loadIssuer(String id) {
        return reads.sql("SELECT name, url, last_seq FROM issuer_view WHERE id = ?").param(id)
                .query((rs, n) -> Versioned.of(new IssuerSummary(id, rs.getString(1), rs.getString(2)), rs.getLong(3)))
                .optional();
    }

    private Optional<Versioned<BadgeClassSummary>> loadBadgeClass(String id) {
        return reads.sql("SELECT name, image, last_seq FROM badge_class_view WHERE id = ?").param(id)
                .query((rs, n) -> Versioned.of(new BadgeClassSummary(id, rs.getString(1), rs.getString(2)),
                        rs.getLong(3)))
                .optional();
    }
}
