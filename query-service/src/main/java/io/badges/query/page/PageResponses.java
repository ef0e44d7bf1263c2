package io.badges.query.page;

import io.badges.query.http.Representation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
        return html(page, null);
    }

    /**
     * The page, or 304 when the client's copy ({@code If-None-Match}) is this very page: pages are
     * {@code no-cache} (their verdict is live), so a browser revalidates each time and gets no body back
     * while nothing it shows has changed.
     */
    static ResponseEntity<byte[]> html(Rendered page, String ifNoneMatch) {
        if (page.status() == HttpStatus.OK.value() && ifNoneMatch != null
                && Representation.matches(ifNoneMatch, page.etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(page.etag())
                    .header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
        }
        return ResponseEntity.status(page.status())
                .eTag(page.etag())
                .contentType(HTML)
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "strict-origin-when-cross-origin")
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .body(page.html());
    }
}
