package io.badges.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.badges.events.assertion.AssertionIssued;
import io.badges.events.assertion.AssertionRevoked;
import io.badges.events.assertion.Evidence;
import io.badges.events.assertion.Recipient;
import io.badges.events.badgeclass.BadgeClassDefined;
import io.badges.events.badgeclass.BadgeClassImageChanged;
import io.badges.events.badgeclass.BadgeClassUpdated;
import io.badges.events.badgeclass.Criteria;
import io.badges.events.issuer.IssuerKeyAdded;
import io.badges.events.issuer.IssuerProfileUpdated;
import io.badges.events.issuer.IssuerRegistered;
import io.badges.events.issuer.StatusListPublished;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventSchemasTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30.123456Z");

    static Set<ValidationMessage> validate(String type, byte[] json) throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(EventJson.schema(type));
        JsonNode node = EventJson.mapper().readTree(json);
        return schema.validate(node);
    }

    @Test
    void everyEventTypeHasASchemaThatItsSerializedFormSatisfies() throws IOException {
        List<BadgeEvent> events = List.of(
                new IssuerRegistered("i1", "Org", "https://org.example", "b@org.example", "d", null, NOW),
                new IssuerProfileUpdated("i1", "Org 2", "https://org.example", "b@org.example", null, null, NOW),
                new IssuerKeyAdded("i1", "k1", "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----", NOW),
                new StatusListPublished("i1", "1", 1, "{\"type\":[\"VerifiableCredential\"]}", NOW),
                new BadgeClassDefined("b1", "i1", "B", "D", null, new Criteria("n", null), List.of("t"), NOW),
                new BadgeClassUpdated("b1", "i1", "B", "D", null, new Criteria(null, "https://c.example"), List.of(), NOW),
                new BadgeClassImageChanged("b1", "i1", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'},
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", NOW),
                new AssertionIssued("a1", "b1", "i1", new Recipient("email", "sha256$ab", true, "s"),
                        List.of(new Evidence("https://e.example", null)), null, NOW, NOW.plusSeconds(60), "signed",
                        "eyJhbGciOiJSUzI1NiJ9.eyJ4IjoxfQ.c2ln", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
                new AssertionRevoked("a1", "b1", "r", NOW));

        assertThat(events.stream().map(EventJson::typeName)).containsExactlyInAnyOrderElementsOf(
                EventJson.TYPES.stream().map(Class::getSimpleName).toList());
        for (BadgeEvent event : events) {
            assertThat(validate(EventJson.typeName(event), EventJson.write(event))).as(EventJson.typeName(event))
                    .isEmpty();
        }
    }

    @Test
    void schemasRejectEventsMissingRequiredFields() throws IOException {
        byte[] noRecipient = "{\"schemaVersion\":2,\"assertionId\":\"a1\",\"badgeClassId\":\"b1\",\"issuerId\":\"i1\",\"evidence\":[],\"issuedOn\":\"2026-11-22T10:15:30Z\",\"verificationType\":\"hosted\",\"occurredAt\":\"2026-11-22T10:15:30Z\"}"
                .getBytes();
        byte[] badCriteria = "{\"schemaVersion\":1,\"badgeClassId\":\"b1\",\"issuerId\":\"i1\",\"name\":\"n\",\"description\":\"d\",\"criteria\":{},\"tags\":[],\"occurredAt\":\"2026-11-22T10:15:30Z\"}"
                .getBytes();

        assertThat(validate("AssertionIssued", noRecipient)).isNotEmpty();
        assertThat(validate("BadgeClassDefined", badCriteria)).isNotEmpty();
    }

    @Test
    void anImageChangeCarriesItsBytesAsBase64WithTypeAndDigestOrIsARemoval() throws IOException {
        BadgeClassImageChanged uploaded = new BadgeClassImageChanged("b1", "i1", "image/svg+xml",
                "<svg/>".getBytes(), "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", NOW);
        byte[] json = EventJson.write(uploaded);
        byte[] withoutDigest = "{\"schemaVersion\":1,\"badgeClassId\":\"b1\",\"issuerId\":\"i1\",\"image\":\"PHN2Zy8+\",\"mediaType\":\"image/svg+xml\",\"occurredAt\":\"2026-11-22T10:15:30Z\"}"
                .getBytes();

        assertThat(EventJson.mapper().readTree(json).path("image").asText()).isEqualTo("PHN2Zy8+");
        assertThat(((BadgeClassImageChanged) EventJson.read("BadgeClassImageChanged", json)).image())
                .isEqualTo("<svg/>".getBytes());
        assertThat(validate("BadgeClassImageChanged", EventJson.write(BadgeClassImageChanged.removed("b1", "i1", NOW))))
                .isEmpty();
        assertThat(validate("BadgeClassImageChanged", withoutDigest)).isNotEmpty();
    }

    @Test
    void anOb3AwardAndAnOb3KeyAreAdditiveFieldsOfTheirTypes() throws IOException {
        AssertionIssued ob3 = AssertionIssued.ob3("a1", "b1", "i1", new Recipient("email", "sha256$ab", true, "s"),
                List.of(), null, NOW, null, null, "{\"proof\":{}}", "h.p.s");
        IssuerKeyAdded ed25519 = new IssuerKeyAdded("i1", "k2", "-----BEGIN PUBLIC KEY-----\nMCow\n-----END PUBLIC KEY-----",
                NOW, IssuerKeyAdded.ED25519);
        byte[] v1Key = "{\"schemaVersion\":1,\"issuerId\":\"i1\",\"keyId\":\"k1\",\"publicKeyPem\":\"-----BEGIN PUBLIC KEY-----\\nM\\n-----END PUBLIC KEY-----\",\"occurredAt\":\"2026-11-22T10:15:30Z\"}"
                .getBytes();

        assertThat(validate("AssertionIssued", EventJson.write(ob3))).isEmpty();
        assertThat(validate("IssuerKeyAdded", EventJson.write(ed25519))).isEmpty();
        assertThat(((AssertionIssued) EventJson.read("AssertionIssued", EventJson.write(ob3))).ob3()).isTrue();
        assertThat(((IssuerKeyAdded) EventJson.read("IssuerKeyAdded", v1Key)).algorithm()).isEqualTo("RS256");
    }
}
