package io.badges.query.badgeclass;

import io.badges.query.NotFound;
import io.badges.vocabulary.PublicUrls;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** OB 2.0 BadgeClass documents. */
@RestController
class BadgeClassDocumentController {

    private final BadgeClassRepresentations representations;

    BadgeClassDocumentController(BadgeClassRepresentations representations) {
        this.representations = representations;
    }

    /** Usually answered by the hot path ({@link io.badges.query.http.HotReadFilter}) with the same bytes. */
    @GetMapping(PublicUrls.BADGE)
    @ApiResponse(responseCode = "200", description = "the OB 2.0 BadgeClass",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
    ResponseEntity<byte[]> badge(@PathVariable String id, HttpServletRequest request) {
        return representations.document(id).orElseThrow(() -> new NotFound(BadgeClassRepresentations.WHAT, id)).answer(request);
    }
}
