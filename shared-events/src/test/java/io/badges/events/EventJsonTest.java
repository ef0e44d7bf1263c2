package io.badges.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.badges.events.assertion.AssertionIssued;
import io.badges.events.assertion.AssertionRevoked;
import io.badges.events.assertion.Evidence;
import io.badges.events.assertion.Recipient;
import io.badges.events.badgeclass.BadgeClassDefined;
import io.badges.events.badgeclass.Criteria;
import io.badges.events.issuer.IssuerRegistered;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30.123Z");

    @Test
    void everyEventSurvivesARoundTripThroughJson() {
        List<BadgeEvent> events = List.of(
                new IssuerRegistered("i1", "Org", "https://org.example", "badges@org.example", null, null, NOW),
                new BadgeClassDefined("b1", "i1", "Rust", "Knows Rust", null,
                        new Criteria("Write a borrow checker", null), List.of("lang"), NOW),
                new AssertionIssued("a1", "b1", "i1", new Recipient("email", "sha256$abc", true, "salt"),
                        List.of(new Evidence("https://e.example/1", "did it")), null, NOW, null, "hosted"),
                new AssertionRevoked("a1", "b1", "mistake", NOW));

        for (BadgeEvent event : events) {
            BadgeEvent back = EventJson.read(EventJson.typeName(event), EventJson.write(event));
            assertThat(back).isEqualTo(event);
            assertThat(back.schemaVersion()).isPositive();
        }
    }

    @Test
    void writesInstantsAsIsoStringsAndOmitsAbsentFields() {
        String json = new String(EventJson.write(new AssertionRevoked("a1", "b1", null, NOW)), StandardCharsets.UTF_8);

        assertThat(json).contains("\"occurredAt\":\"2026-11-22T10:15:30.123Z\"")
                .contains("\"schemaVersion\":1")
                .doesNotContain("reason");
    }

    @Test
    void readsAVersionOneAssertionIssuedWithoutTheSignatureAddedInVersionTwo() {
        byte[] v1 = ("{\"schemaVersion\":1,\"assertionId\":\"a1\",\"badgeClassId\":\"b1\",\"issuerId\":\"i1\","
                + "\"recipient\":{\"type\":\"email\",\"identity\":\"sha256$ab\",\"hashed\":true,\"salt\":\"s\"},"
                + "\"issuedOn\":\"2026-11-22T10:15:30Z\",\"verificationType\":\"hosted\","
                + "\"occurredAt\":\"2026-11-22T10:15:30Z\"}").getBytes(StandardCharsets.UTF_8);

        AssertionIssued event = (AssertionIssued) EventJson.read("AssertionIssued", v1);

        assertThat(event.schemaVersion()).isEqualTo(1);
        assertThat(event.signature()).isNull();
        assertThat(event.evidence()).isEmpty();
    }

    @Test
    void readsEventsCarryingFieldsAddedByANewerVersion() {
        byte[] newer = ("{\"schemaVersion\":2,\"assertionId\":\"a1\",\"badgeClassId\":\"b1\",\"reason\":\"x\","
                + "\"occurredAt\":\"2026-11-22T10:15:30Z\",\"revokedBy\":\"admin\"}").getBytes(StandardCharsets.UTF_8);

        AssertionRevoked event = (AssertionRevoked) EventJson.read("AssertionRevoked", newer);

        assertThat(event.assertionId()).isEqualTo("a1");
        assertThat(event.schemaVersion()).isEqualTo(2);
    }

    @Test
    void rejectsUnknownTypeNames() {
        assertThatThrownBy(() -> EventJson.typeFor("Nope")).isInstanceOf(IllegalArgumentException.class);
    }
}
