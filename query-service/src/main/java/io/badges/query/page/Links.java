package io.badges.query.page;

/** Which URLs from the read model a page may turn into links. */
final class Links {

    private Links() {
    }

    /** {@code url} if it is an http(s) URL, else null: a {@code javascript:} URL never becomes a link. */
    static String web(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
    }
}
