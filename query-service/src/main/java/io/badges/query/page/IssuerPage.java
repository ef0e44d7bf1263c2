package io.badges.query.page;

import java.util.List;

/** The page of an issuer: who it is and the badges it awards ({@code badges}: links to their pages). */
public record IssuerPage(Head head, String name, String description, String url, List<Link> badges,
                         boolean moreBadges, List<Link> downloads) {
}
