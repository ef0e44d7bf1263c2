package io.badges.command.assertion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.badges.command.badgeclass.BadgeClassDefinition;
import io.badges.command.domain.UnmetPreconditionException;
import io.badges.command.issuer.IssuerProfile;
import io.badges.events.assertion.Recipient;
import io.badges.events.badgeclass.Criteria;
import io.badges.vocabulary.PublicUrls;
import io.badges.vocabulary.ob3.OpenBadges3;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The guard of an OB 3.0 award on what OB 3.0 requires of the achievement (name, description, criteria
 * with a narrative or a URL). The API cannot reach it: the badge class request validates these fields
 * and the write model's columns and checks refuse them missing (docs/ob3-credentials.md, "In the
 * services"), so it is tested here, on the real {@link Ob3Credentials#prepare}. The refusal comes before any key is
 * made or status index drawn: those collaborators are absent here, and touching them would fail the test.
 * How such a refusal answers (422 problem+json naming the field) is the API's {@code UnmetPrecondition}
 * mapping, tested by WriteApiContract on a signed award without a key.
 */
class Ob3CredentialsTest {

    private static final Criteria CRITERIA = new Criteria("Write a crate", "https://uni.test/rust");
    private static final IssueAssertion AWARD = new IssueAssertion("a-1", "b-1",
            new Recipient("email", "sha256$00", true, "salt"), List.of(), null, null, "hosted",
            Instant.parse("2026-12-02T10:00:00Z"), null, "lookup");

    private static Ob3Credentials withBadgeClass(BadgeClassDefinition definition) {
        return new Ob3Credentials(badgeClassId -> Optional.of("i-1"), badgeClassId -> Optional.of(definition),
                issuerId -> Optional.of(new IssuerProfile("Uni", "https://uni.test", "badges@uni.test", null, null)),
                null, null, new OpenBadges3(new PublicUrls("https://badges.test")));
    }

    /** The field the refusal names; fails the test if prepare does not refuse with an unmet precondition. */
    private static String refusedField(String name, String description, Criteria criteria) {
        Ob3Credentials credentials =
                withBadgeClass(new BadgeClassDefinition(name, description, null, criteria, List.of()));
        UnmetPreconditionException refusal = catchThrowableOfType(UnmetPreconditionException.class,
                () -> credentials.prepare("b-1", List.of(AWARD)));
        assertThat(refusal).as("refused").isNotNull();
        assertThat(refusal.getMessage()).startsWith("OB 3.0 requires the achievement's");
        return refusal.field();
    }

    @Test
    void refusesAnAchievementWithoutDescriptionNamingTheField() {
        for (String description : new String[] {null, "", "  "}) {
            assertThat(refusedField("Rust", description, CRITERIA)).isEqualTo("badgeClass.description");
        }
    }

    @Test
    void refusesAnAchievementWithoutNameNamingTheField() {
        assertThat(refusedField(" ", "Knows Rust", CRITERIA)).isEqualTo("badgeClass.name");
    }

    @Test
    void refusesAnAchievementWithoutCriteriaOrWithEmptyCriteriaNamingTheField() {
        for (Criteria criteria : new Criteria[] {null, new Criteria(null, null), new Criteria(" ", "")}) {
            assertThat(refusedField("Rust", "Knows Rust", criteria)).isEqualTo("badgeClass.criteria");
        }
    }
}
