package io.badges.command.assertion;

import io.badges.command.badgeclass.BadgeClasses;
import io.badges.command.domain.RuleViolationException;
import io.badges.command.domain.UnknownReferenceException;
import io.badges.events.assertion.AssertionIssued;
import io.badges.events.assertion.AssertionRevoked;
import io.badges.events.assertion.Recipient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AssertionTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Recipient ALICE = new Recipient("email", "sha256$00", true, "salt");

    private AggregateTestFixture<Assertion> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Assertion.class);
        BadgeClasses badgeClasses = id -> "b1".equals(id) ? Optional.of("i1") : Optional.empty();
        fixture.registerInjectableResource(badgeClasses);
    }

    private static IssueAssertion issue(Instant expires) {
        return new IssueAssertion("a1", "b1", ALICE, List.of(), null, expires, "hosted", NOW, null, "lookup");
    }

    private static AssertionIssued issued() {
        return new AssertionIssued("a1", "b1", "i1", ALICE, List.of(), null, NOW, null, "hosted", null, "lookup");
    }

    @Test
    void issuesAnAssertionOfAnExistingBadgeClassWithItsIssuer() {
        fixture.givenNoPriorActivity()
                .when(issue(null))
                .expectEvents(issued());
    }

    @Test
    void refusesABadgeClassThatDoesNotExist() {
        fixture.givenNoPriorActivity()
                .when(new IssueAssertion("a1", "nope", ALICE, List.of(), null, null, "hosted", NOW, null, "lookup"))
                .expectException(UnknownReferenceException.class)
                .expectNoEvents();
    }

    @Test
    void expiryMustFollowIssueDate() {
        fixture.givenNoPriorActivity()
                .when(issue(NOW))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void revokesIssuedAssertion() {
        fixture.given(issued())
                .when(new RevokeAssertion("a1", "mistake", NOW))
                .expectEvents(new AssertionRevoked("a1", "b1", "mistake", NOW));
    }

    @Test
    void revokingTwiceRecordsNothing() {
        fixture.given(issued(), new AssertionRevoked("a1", "b1", "mistake", NOW))
                .when(new RevokeAssertion("a1", "again", NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
