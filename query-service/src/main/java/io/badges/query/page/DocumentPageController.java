package io.badges.query.page;

import io.badges.vocabulary.PublicUrls;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The public documents as pages, for clients that prefer {@code text/html} (browsers): the same
 * paths as the JSON-LD documents, chosen by content negotiation. A client that asks for JSON, or for
 * anything ({@code *}{@code /*}), still gets the document byte for byte from its own controller;
 * {@code ?format=json} asks for it from a browser.
 */
@Controller
class DocumentPageController {

    private final AwardPages awards;
    private final ProfilePages profiles;

    DocumentPageController(AwardPages awards, ProfilePages profiles) {
        this.awards = awards;
        this.profiles = profiles;
    }

    @GetMapping(value = PublicUrls.ASSERTION, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> assertion(@PathVariable String id,
                              @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return PageResponses.html(awards.assertion(id), ifNoneMatch);
    }

    @GetMapping(value = PublicUrls.CREDENTIAL, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> credential(@PathVariable String id,
                              @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return PageResponses.html(awards.credential(id), ifNoneMatch);
    }

    @GetMapping(value = PublicUrls.BADGE, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> badgeClass(@PathVariable String id,
                              @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return PageResponses.html(profiles.badgeClass(id), ifNoneMatch);
    }

    @GetMapping(value = PublicUrls.ISSUER, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<byte[]> issuer(@PathVariable String id,
                              @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return PageResponses.html(profiles.issuer(id), ifNoneMatch);
    }
}
