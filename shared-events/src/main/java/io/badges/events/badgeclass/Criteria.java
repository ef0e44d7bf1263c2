package io.badges.events.badgeclass;

/** How a badge is earned: a narrative, a page describing it, or both. */
public record Criteria(String narrative, String url) {
}
