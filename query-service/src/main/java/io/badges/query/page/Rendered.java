package io.badges.query.page;

import io.badges.query.http.Representation;

/** A rendered page: its HTTP status, its UTF-8 bytes and their strong ETag (as the JSON answers have). */
record Rendered(int status, byte[] html, String etag) {

    Rendered(int status, byte[] html) {
        this(status, html, Representation.etagOf(html));
    }
}
