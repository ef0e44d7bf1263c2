package io.badges.query.page;

/**
 * What the head of a page says. {@code url} (the page's own absolute URL), {@code image} (absolute)
 * and {@code imageAlt} are set on pages worth sharing: they become the Open Graph and Twitter card
 * tags a shared link unfurls with; null elsewhere.
 */
public record Head(String title, String description, String url, String image, String imageAlt) {

    static Head of(String title, String description) {
        return new Head(title, description, null, null, null);
    }
}
