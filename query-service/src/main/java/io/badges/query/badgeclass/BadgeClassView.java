package io.badges.query.badgeclass;

import io.badges.events.badgeclass.Criteria;
import io.badges.query.summary.IssuerSummary;
import java.time.Instant;
import java.util.List;

/** A badge class with the summary of its issuer (name and url null while the issuer is not projected yet). */
public record BadgeClassView(String id, String name, String description, String image, Criteria criteria,
                             List<String> tags, Instant createdAt, Instant updatedAt, IssuerSummary issuer) {

    BadgeClassView with(IssuerSummary issuer) {
        return new BadgeClassView(id, name, description, image, criteria, tags, createdAt, updatedAt, issuer);
    }
}
