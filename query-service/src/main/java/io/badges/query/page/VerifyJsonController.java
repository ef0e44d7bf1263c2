package io.badges.query.page;

import io.badges.query.verification.VerificationResult;
import io.badges.query.verification.Verifications;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A shareable verification ({@code GET /verify?url=...}) as JSON: the result page's raw link
 * ({@code &format=json}) and clients that ask for JSON. Its refusals are problem+json, as the API's are.
 */
@RestController
class VerifyJsonController {

    private final Verifications verifications;

    VerifyJsonController(Verifications verifications) {
        this.verifications = verifications;
    }

    @GetMapping(value = "/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    VerificationResult verify(@RequestParam String url, @RequestParam(required = false) String recipient) {
        return verifications.url(url.strip(), VerifyPageController.nullIfBlank(recipient));
    }
}
