package io.badges.query.page;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The headers every page is answered with. */
final class PageResponses {

    /**
     * Nothing but this service's own stylesheet, images and form: no script at all (the pages need
     * none), no inline style, no frame. Images may also come over https, as a badge class's picture
     * may be the issuer's own URL (its image route redirects there).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self' https: data:; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);

    private PageResponses() {
    }

    static ResponseEntity<byte[]> html(Rendered page) {
        return ResponseEntity.status(page.status())
                .contentType(HTML)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "strict-origin-when-cross-origin")
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .body(page.html());
    }
}
