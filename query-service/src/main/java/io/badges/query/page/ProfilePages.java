package io.badges.query.page;

import io.badges.query.NotFound;
import io.badges.query.Page;
import io.badges.query.badgeclass.BadgeClassView;
import io.badges.query.badgeclass.BadgeClassViewStore;
import io.badges.query.issuer.IssuerView;
import io.badges.query.issuer.IssuerViewStore;
import io.badges.vocabulary.PublicUrls;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The pages of a badge class and of an issuer. */
@Component
class ProfilePages {

    /** How many of an issuer's badge classes its page lists. */
    static final int BADGES_LISTED = 50;

    private final BadgeClassViewStore badgeClasses;
    private final IssuerViewStore issuers;
    private final PublicUrls urls;
    private final PublicUrls paths = new PublicUrls("");
    private final Templates templates;
    private final PageCache cache;

    ProfilePages(BadgeClassViewStore badgeClasses, IssuerViewStore issuers, PublicUrls urls, Templates templates,
                 PageCache cache) {
        this.badgeClasses = badgeClasses;
        this.issuers = issuers;
        this.urls = urls;
        this.templates = templates;
        this.cache = cache;
    }

    Rendered badgeClass(String id) {
        BadgeClassView badge = badgeClasses.find(id).orElseThrow(() -> new NotFound("badge class", id));
        String issuer = badge.issuer().name() != null ? badge.issuer().name() : "an issuer not known yet";
        Head head = new Head(badge.name() + " · " + issuer,
                badge.description() != null ? badge.description() : badge.name() + ", a badge of " + issuer,
                urls.badge(id), urls.badgeImage(id), badge.name() + " badge image");
        BadgeClassPage page = new BadgeClassPage(head, badge.name(), badge.description(), paths.badgeImage(id),
                badge.criteria() == null ? null : badge.criteria().narrative(),
                badge.criteria() == null ? null : Links.web(badge.criteria().url()),
                badge.tags() == null ? List.of() : badge.tags(), issuer,
                badge.issuer().name() == null ? null : paths.issuer(badge.issuer().id()),
                List.of(new Link("Open Badges 2.0 badge class (JSON-LD)", paths.badge(id) + "?format=json",
                        "application/json")));
        return cache.get(page, () -> new Rendered(HttpStatus.OK.value(), templates.render("badgeclass.jte", page)));
    }

    /** Not kept rendered: its list of badge classes is read from the database each time. */
    Rendered issuer(String id) {
        IssuerView issuer = issuers.find(id).orElseThrow(() -> new NotFound("issuer", id));
        Page<BadgeClassView> badges = badgeClasses.ofIssuer(id, null, BADGES_LISTED);
        Head head = Head.of(issuer.name(), issuer.description() != null ? issuer.description()
                : "Badges awarded by " + issuer.name());
        IssuerPage page = new IssuerPage(head, issuer.name(), issuer.description(), Links.web(issuer.url()),
                badges.items().stream().map(b -> new Link(b.name(), paths.badge(b.id()), null)).toList(),
                badges.nextCursor() != null,
                List.of(new Link("Open Badges 2.0 issuer profile (JSON-LD)", paths.issuer(id) + "?format=json",
                        "application/json")));
        return new Rendered(HttpStatus.OK.value(), templates.render("issuer.jte", page));
    }
}
