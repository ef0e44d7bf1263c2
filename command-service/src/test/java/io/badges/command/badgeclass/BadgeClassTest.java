package io.badges.command.badgeclass;

import io.badges.command.domain.UnknownReferenceException;
import io.badges.command.issuer.Issuers;
import io.badges.events.badgeclass.BadgeClassDefined;
import io.badges.events.badgeclass.BadgeClassUpdated;
import io.badges.events.badgeclass.Criteria;
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
}
