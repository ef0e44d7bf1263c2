package io.badges.query.issuer;

import io.badges.query.NotFound;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class IssuerController {

    private final IssuerRepresentations representations;

    IssuerController(IssuerRepresentations representations) {
        this.representations = representations;
    }

    /** Usually answered by the hot path ({@link io.badges.query.http.HotReadFilter}) with the same bytes. */
    @GetMapping(IssuerRepresentations.API)
    @ApiResponse(responseCode = "200", description = "the issuer",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuerView.class)))
    ResponseEntity<byte[]> get(@PathVariable String id, HttpServletRequest request) {
        return representations.view(id).orElseThrow(() -> new NotFound(IssuerRepresentations.WHAT, id)).answer(request);
    }
}
