package io.badges.query.page;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.query.ProblemException;
import io.badges.query.verification.VerificationResult;
import io.badges.query.verification.Verifications;
import io.badges.vocabulary.image.BadgeImages;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

/**
 * The landing page and the verification page. Whatever is presented goes through {@link Verifications},
 * as on the API; a refusal shows the form again with its reason and the refusal's 4xx status.
 * {@code GET /verify?url=...} verifies at once, so a result can be shared as a link.
 */
@Controller
class VerifyPageController {

    private static final Head VERIFY = Head.of("Verify a badge · Open Badges",
            "Check an Open Badge: paste its link or its content, or upload its badge image.");

    private final Verifications verifications;
    private final Templates templates;
    private final ObjectMapper json;

    VerifyPageController(Verifications verifications, Templates templates, ObjectMapper json) {
        this.verifications = verifications;
        this.templates = templates;
        this.json = json;
    }

    @GetMapping("/")
    ResponseEntity<byte[]> landing() {
        LandingPage page = new LandingPage(Head.of("Open Badges",
                "Issue Open Badges 2.0 and 3.0 and verify any badge: paste a link, a credential or a badge image."),
                VerifyForm.EMPTY, "/swagger-ui.html", "/v3/api-docs");
        return PageResponses.html(new Rendered(HttpStatus.OK.value(), templates.render("landing.jte", page)));
    }

    @GetMapping("/verify")
    ResponseEntity<byte[]> verifyPage(@RequestParam(required = false) String url,
                                      @RequestParam(required = false) String recipient) {
        if (blank(url)) {
            return show(new VerifyPage(VERIFY, VerifyForm.EMPTY, null, null, null, null, null), HttpStatus.OK);
        }
        VerifyForm form = new VerifyForm(url, "", orEmpty(recipient), null);
        return verify(form, () -> verifications.url(url.strip(), nullIfBlank(recipient)), "the credential at " + url,
                true);
    }

    @PostMapping(value = "/verify", consumes = {MediaType.MULTIPART_FORM_DATA_VALUE,
            MediaType.APPLICATION_FORM_URLENCODED_VALUE})
    ResponseEntity<byte[]> verifyPosted(@RequestParam(required = false) String url,
                                        @RequestParam(required = false) String text,
                                        @RequestPart(required = false) MultipartFile file,
                                        @RequestParam(required = false) String recipient) throws IOException {
        String who = nullIfBlank(recipient);
        VerifyForm form = new VerifyForm(orEmpty(url), orEmpty(text), orEmpty(recipient), null);
        if (file != null && !file.isEmpty()) {
            byte[] bytes = file.getBytes();
            String name = file.getOriginalFilename() == null ? "the file" : "the file " + file.getOriginalFilename();
            return verify(form, () -> {
                if (bytes.length > BadgeImages.MAX_BYTES) {
                    throw new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, "image-too-large", "Image too large",
                            "the file has " + bytes.length + " bytes; at most " + BadgeImages.MAX_BYTES
                                    + " are accepted", "file");
                }
                return isJson(bytes) ? verifications.json(new String(bytes, StandardCharsets.UTF_8), who)
                        : verifications.image(bytes, null, who);
            }, name + " you uploaded", false);
        }
        if (!blank(text)) {
            String pasted = text.strip();
            return verify(form, () -> pasted.startsWith("{") || pasted.startsWith("\"")
                    ? verifications.json(pasted, who) : verifications.compact(pasted, who), "the text you pasted", false);
        }
        if (!blank(url)) {
            return verify(form, () -> verifications.url(url.strip(), who), "the credential at " + url.strip(), false);
        }
        return show(new VerifyPage(VERIFY, new VerifyForm(form.url(), form.text(), form.recipient(),
                "Nothing to verify: give a link, paste a credential, or choose a file."), null, null, null, null, null),
                HttpStatus.BAD_REQUEST);
    }

    private ResponseEntity<byte[]> verify(VerifyForm form, Supplier<VerificationResult> verification, String source,
                                          boolean shareable) {
        VerificationResult result;
        try {
            result = verification.get();
        } catch (ProblemException refused) {
            String reason = refused.getBody().getDetail() != null ? refused.getBody().getDetail()
                    : refused.getBody().getTitle();
            VerifyForm again = new VerifyForm(form.url(), form.text(), form.recipient(),
                    "Could not verify " + source + ": " + reason);
            return show(new VerifyPage(VERIFY, again, null, null, null, null, null),
                    HttpStatus.valueOf(refused.getStatusCode().value()));
        }
        String rawLink = shareable ? "/verify?url=" + encode(form.url())
                + (form.recipient().isBlank() ? "" : "&recipient=" + encode(form.recipient())) + "&format=json" : null;
        VerifyPage page = new VerifyPage(VERIFY, form, result, Verdict.of(result), source, rawLink,
                shareable ? null : pretty(result));
        return show(page, HttpStatus.OK);
    }

    private ResponseEntity<byte[]> show(VerifyPage page, HttpStatus status) {
        return PageResponses.html(new Rendered(status.value(), templates.render("verify.jte", page)));
    }

    private String pretty(VerificationResult result) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isJson(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static String nullIfBlank(String value) {
        return blank(value) ? null : value.strip();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
