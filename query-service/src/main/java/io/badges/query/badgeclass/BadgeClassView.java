package io.badges.query.badgeclass;

import io.badges.events.badgeclass.Criteria;
import java.time.Instant;
import java.util.List;

/** A badge class with the summary of its issuer (null while the issuer is not projected yet). */
public record BadgeClassView(String id, String name, String description, String image, Criteria criteria,
                             List<String> tags, Instant createdAt, Instant updatedAt, IssuerSummary issuer) {

    public record IssuerSummary(String id, String name, String url) {
    }
}
