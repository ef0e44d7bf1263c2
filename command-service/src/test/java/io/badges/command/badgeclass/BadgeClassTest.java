package io.badges.command.badgeclass;

import io.badges.command.domain.UnknownReferenceException;
import io.badges.command.issuer.Issuers;
import io.badges.events.badgeclass.BadgeClassDefined;
import io.badges.events.badgeclass.BadgeClassImageChanged;
import io.badges.events.badgeclass.BadgeClassUpdated;
import io.badges.events.badgeclass.Criteria;
import io.badges.testsupport.TestImages;
import io.badges.vocabulary.image.BadgeImages;
import io.badges.vocabulary.image.ImageType;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BadgeClassTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final BadgeClassDefinition RUST =
            new BadgeClassDefinition("Rust", "Knows Rust", null, new Criteria("ship it", null), List.of("lang"));

    private AggregateTestFixture<BadgeClass> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BadgeClass.class);
        Issuers issuers = "i1"::equals;
        fixture.registerInjectableResource(issuers);
    }

    @Test
    void definesABadgeClassOfAnExistingIssuer() {
        fixture.givenNoPriorActivity()
                .when(new DefineBadgeClass("b1", "i1", RUST, NOW))
                .expectEvents(new BadgeClassDefined("b1", "i1", "Rust", "Knows Rust", null,
                        new Criteria("ship it", null), List.of("lang"), NOW));
    }

    @Test
    void badgeClassMustBelongToAnExistingIssuer() {
        fixture.givenNoPriorActivity()
                .when(new DefineBadgeClass("b1", "ghost", RUST, NOW))
                .expectException(UnknownReferenceException.class)
                .expectNoEvents();
    }

    @Test
    void updateKeepsTheIssuer() {
        fixture.given(new BadgeClassDefined("b1", "i1", "Rust", "Knows Rust", null, new Criteria("ship it", null),
                        List.of(), NOW))
                .when(new UpdateBadgeClass("b1", RUST, NOW))
                .expectEvents(new BadgeClassUpdated("b1", "i1", "Rust", "Knows Rust", null,
                        new Criteria("ship it", null), List.of("lang"), NOW));
    }

    private static final BadgeImages.Image PNG = new BadgeImages.Image(ImageType.PNG, TestImages.png(4));

    private static BadgeClassImageChanged hosted(BadgeImages.Image image) {
        return new BadgeClassImageChanged("b1", "i1", image.type().mediaType(), image.bytes(), image.sha256(), NOW);
    }

    private static BadgeClassDefined defined(String image) {
        return new BadgeClassDefined("b1", "i1", "Rust", "Knows Rust", image, new Criteria("ship it", null),
                List.of("lang"), NOW);
    }

    @Test
    void aPictureGivenWithTheDefinitionIsHostedByASecondEvent() {
        fixture.givenNoPriorActivity()
                .when(new DefineBadgeClass("b1", "i1", RUST, PNG, NOW))
                .expectEvents(defined(null), hosted(PNG));
    }

    @Test
    void anUploadedPictureReplacesTheHostedOne() {
        fixture.given(defined(null))
                .when(new ChangeBadgeClassImage("b1", PNG, NOW))
                .expectEvents(hosted(PNG));
    }

    @Test
    void anHttpsUrlInAnUpdateRemovesTheHostedPicture() {
        BadgeClassDefinition linked = new BadgeClassDefinition("Rust", "Knows Rust", "https://img.test/rust.png",
                new Criteria("ship it", null), List.of("lang"));

        fixture.given(defined(null), hosted(PNG))
                .when(new UpdateBadgeClass("b1", linked, NOW))
                .expectEvents(new BadgeClassUpdated("b1", "i1", "Rust", "Knows Rust", "https://img.test/rust.png",
                                new Criteria("ship it", null), List.of("lang"), NOW),
                        BadgeClassImageChanged.removed("b1", "i1", NOW));
    }

    @Test
    void anUpdateWithoutAnImageKeepsTheHostedPicture() {
        fixture.given(defined(null), hosted(PNG))
                .when(new UpdateBadgeClass("b1", RUST, NOW))
                .expectEvents(new BadgeClassUpdated("b1", "i1", "Rust", "Knows Rust", null,
                        new Criteria("ship it", null), List.of("lang"), NOW));
    }
}
