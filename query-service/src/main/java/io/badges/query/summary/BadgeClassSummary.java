package io.badges.query.summary;

/** What an assertion shows of its badge class; name and image are null until it is projected. */
public record BadgeClassSummary(String id, String name, String image) {
}
