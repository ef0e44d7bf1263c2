package io.badges.query.page;

import io.badges.events.assertion.AssertionIssued;
import io.badges.query.NotFound;
import io.badges.query.assertion.AssertionView;
import io.badges.query.badgeclass.BadgeClassView;
import io.badges.query.badgeclass.BadgeClassViewStore;
import io.badges.query.credential.CredentialStore;
import io.badges.query.verification.VerificationResult;
import io.badges.query.verification.Verifications;
import io.badges.query.assertion.AssertionViewStore;
import io.badges.vocabulary.PublicUrls;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The page of one award, OB 2.0 assertion or OB 3.0 credential: built from the read caches and the
 * live verification of the award, rendered once per distinct content ({@link PageCache}).
 * Revoked: the page says so, with 410 as the document has.
 */
@Component
class AwardPages {

    private final AssertionViewStore assertions;
    private final BadgeClassViewStore badgeClasses;
    private final CredentialStore credentials;
    private final Verifications verifications;
    private final PublicUrls urls;
    private final PublicUrls paths = new PublicUrls("");
    private final Templates templates;
    private final PageCache cache;

    AwardPages(AssertionViewStore assertions, BadgeClassViewStore badgeClasses, CredentialStore credentials,
               Verifications verifications, PublicUrls urls, Templates templates, PageCache cache) {
        this.assertions = assertions;
        this.badgeClasses = badgeClasses;
        this.credentials = credentials;
        this.verifications = verifications;
        this.urls = urls;
        this.templates = templates;
        this.cache = cache;
    }

    Rendered assertion(String id) {
        AssertionView award = assertions.find(id).orElseThrow(() -> new NotFound("assertion", id));
        return render(award);
    }

    Rendered credential(String id) {
        AssertionView award = assertions.find(id).filter(a -> AssertionIssued.OB3.equals(a.format()))
                .orElseThrow(() -> new NotFound("credential", id));
        return render(award);
    }

    private Rendered render(AssertionView award) {
        BadgePage page = page(award, verifications.ownAssertion(award.id(), null));
        int status = award.revoked() ? HttpStatus.GONE.value() : HttpStatus.OK.value();
        return cache.get(page, () -> new Rendered(status, templates.render("badge.jte", page)));
    }

    private BadgePage page(AssertionView award, VerificationResult result) {
        String id = award.id();
        boolean ob3 = AssertionIssued.OB3.equals(award.format());
        BadgeClassView badge = badgeClasses.find(award.badgeClass().id()).orElse(null);
        String name = award.badgeClass().name() != null ? award.badgeClass().name() : "A badge";
        String issuer = award.issuer().name() != null ? award.issuer().name() : "an issuer not known yet";
        String description = badge == null ? null : badge.description();
        String pageUrl = ob3 ? urls.credential(id) : urls.assertion(id);
        Head head = new Head(name + " · " + issuer,
                description != null ? description : name + ", a badge awarded by " + issuer,
                pageUrl, urls.badgeImage(award.badgeClass().id()), name + " badge image");
        return new BadgePage(head, name, description, paths.badgeImage(award.badgeClass().id()),
                badge == null || badge.criteria() == null ? null : badge.criteria().narrative(),
                badge == null || badge.criteria() == null ? null : Links.web(badge.criteria().url()),
                issuer, award.issuer().name() == null ? null : paths.issuer(award.issuer().id()),
                Links.web(award.issuer().url()), When.of(award.issuedOn()), When.of(award.expires()),
                Verdict.of(result), award.revoked() ? reason(award) : null, result.checks(), award.narrative(),
                award.evidence() == null ? List.of() : award.evidence(), downloads(award, ob3),
                award.revoked() ? null : linkedIn(award, name, issuer, pageUrl));
    }

    private static String reason(AssertionView award) {
        return award.revocationReason() == null || award.revocationReason().isBlank()
                ? "none" : award.revocationReason();
    }

    private List<Link> downloads(AssertionView award, boolean ob3) {
        String id = award.id();
        List<Link> links = new ArrayList<>();
        if (ob3) {
            if (!award.revoked()) {
                links.add(new Link("The badge image with the credential baked in",
                        paths.credential(id) + "/image", null));
            }
            links.add(new Link("Open Badges 3.0 credential (JSON-LD)", paths.credential(id) + "?format=json",
                    "application/json"));
            if (credentials.find(id).map(c -> c.jwt() != null).orElse(false)) {
                links.add(new Link("Open Badges 3.0 credential (VC-JWT)", paths.credentialJwt(id), "text/plain"));
            }
        } else {
            if (!award.revoked()) {
                links.add(new Link("The badge image with the assertion baked in", paths.assertionImage(id), null));
            }
            links.add(new Link("Open Badges 2.0 assertion (JSON-LD)", paths.assertion(id) + "?format=json",
                    "application/json"));
            if (award.signature() != null) {
                links.add(new Link("Signed assertion (JWS)", paths.assertion(id) + ".jws", "text/plain"));
            }
        }
        links.add(new Link("The verification result (JSON)", "/api/v1/assertions/" + id + "/verify",
                "application/json"));
        return links;
    }

    /** LinkedIn's "add a certification" form, filled in. */
    private static String linkedIn(AssertionView award, String name, String issuer, String pageUrl) {
        ZonedDateTime issued = award.issuedOn().atZone(ZoneOffset.UTC);
        StringBuilder url = new StringBuilder("https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME")
                .append("&name=").append(encode(name))
                .append("&organizationName=").append(encode(issuer))
                .append("&issueYear=").append(issued.getYear())
                .append("&issueMonth=").append(issued.getMonthValue());
        if (award.expires() != null) {
            ZonedDateTime expires = award.expires().atZone(ZoneOffset.UTC);
            url.append("&expirationYear=").append(expires.getYear())
                    .append("&expirationMonth=").append(expires.getMonthValue());
        }
        return url.append("&certUrl=").append(encode(pageUrl)).append("&certId=").append(encode(award.id()))
                .toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
