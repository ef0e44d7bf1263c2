package io.badges.query.page;

/** A link a page offers: its words, where it goes, and the media type it leads to (null: a page). */
public record Link(String label, String href, String type) {
}
