package io.badges.query.page;

/** A rendered page: its HTTP status and its UTF-8 bytes. */
record Rendered(int status, byte[] html) {
}
