package io.badges.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecipientIdentityTest {

    @Test
    void hashesTheIdentityFollowedByItsSalt() {
        // echo -n "alice@example.orgdeadsea" | sha256sum
        assertThat(RecipientIdentity.hash("alice@example.org", "deadsea"))
                .isEqualTo("sha256$c934fdacc6242be0277a284970416aa9bfa583241fb85094bc96c504ee0abd4e");
    }

    @Test
    void aHashedIdentityMatchesTheAddressInAnyCaseAndWithSpaces() {
        String identity = RecipientIdentity.hash("alice@example.org", "s4lt");

        assertThat(RecipientIdentity.matches(identity, true, "s4lt", "  Alice@Example.ORG ")).isTrue();
        assertThat(RecipientIdentity.matches(identity.toUpperCase().replace("SHA256$", "sha256$"), true, "s4lt",
                "alice@example.org")).isTrue();
        assertThat(RecipientIdentity.matches(identity, true, "other", "alice@example.org")).isFalse();
        assertThat(RecipientIdentity.matches(identity, true, "s4lt", "bob@example.org")).isFalse();
    }

    @Test
    void onlySha256IsKnownAndAMissingSaltMeansUnsalted() {
        String unsalted = RecipientIdentity.hash("alice@example.org", null);

        assertThat(RecipientIdentity.matches(unsalted, true, null, "alice@example.org")).isTrue();
        assertThat(RecipientIdentity.matches(unsalted.replace("sha256$", "md5$"), true, null, "alice@example.org"))
                .isFalse();
        assertThat(RecipientIdentity.matches("no-dollar", true, null, "alice@example.org")).isFalse();
    }

    @Test
    void aPlainIdentityIsComparedAsAnAddress() {
        assertThat(RecipientIdentity.matches("alice@example.org", false, null, "ALICE@example.org")).isTrue();
        assertThat(RecipientIdentity.matches("alice@example.org", false, null, null)).isFalse();
    }
}
