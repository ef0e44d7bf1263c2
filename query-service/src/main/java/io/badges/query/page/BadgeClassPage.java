package io.badges.query.page;

import java.util.List;

/** The page of a badge class: what it is awarded for, and by whom. */
public record BadgeClassPage(Head head, String name, String description, String image, String criteria,
                             String criteriaUrl, List<String> tags, String issuerName, String issuerPage,
                             List<Link> downloads) {
}
