package io.badges.query.image;

import io.badges.query.http.Representation;
import io.badges.vocabulary.image.ImageType;
import java.net.URI;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The headers every image answer carries, and revalidation by ETag. */
final class ImageResponses {

    /**
     * Badge pictures are embedded in pages (profiles, e-portfolios, mail) and fetched again and again:
     * browsers and CDNs may keep one for 5 minutes, then serve it for one more while they revalidate
     * with the ETag (a 304 without body). So a new picture shows within about 6 minutes, and so does a
     * revocation in a cached baked image; this service itself answers 410 at once.
     */
    static final String CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=60";

    /** SVG is active content: opened by itself it may load nothing and run nothing. */
    static final String SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    private ImageResponses() {
    }

    /**
     * 200 with the bytes, or 304 without them when {@code ifNoneMatch} names them. The media type is
     * set as it is, without a charset parameter: validators compare it exactly.
     */
    static ResponseEntity<byte[]> image(String ifNoneMatch, String mediaType, byte[] bytes, String sha256,
                                        String filename) {
        String etag = "\"" + sha256 + "\"";
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(etag);
        headers.setCacheControl(CACHE_CONTROL);
        headers.set("X-Content-Type-Options", "nosniff");
        if (ImageType.SVG.mediaType().equals(mediaType)) {
            headers.set("Content-Security-Policy", SVG_POLICY);
        }
        if (filename != null) {
            headers.setContentDisposition(ContentDisposition.inline().filename(filename).build());
        }
        if (ifNoneMatch != null && Representation.matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).build();
        }
        headers.setContentType(MediaType.parseMediaType(mediaType));
        return new ResponseEntity<>(bytes, headers, HttpStatus.OK);
    }

    static ResponseEntity<byte[]> redirect(String url) {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(url))
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
    }
}
