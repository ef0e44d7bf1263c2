package io.badges.command.issuer;

import io.badges.command.domain.RuleViolationException;
import io.badges.events.issuer.IssuerKeyAdded;
import io.badges.events.issuer.IssuerRegistered;
import io.badges.events.issuer.StatusListPublished;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IssuerTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final IssuerRegistered REGISTERED = new IssuerRegistered("i1", "Org", "https://org.example",
            "badges@org.example", null, null, NOW);

    private AggregateTestFixture<Issuer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Issuer.class);
    }

    @Test
    void anRs256KeyIsTheDefault() {
        fixture.given(REGISTERED)
                .when(new AddIssuerKey("i1", "k1", "PEM", NOW))
                .expectEvents(new IssuerKeyAdded("i1", "k1", "PEM", NOW, IssuerKeyAdded.RS256));
    }

    @Test
    void addsOb3KeysWithTheirAlgorithm() {
        fixture.given(REGISTERED, new IssuerKeyAdded("i1", "k1", "PEM1", NOW, IssuerKeyAdded.ED25519))
                .when(new AddIssuerKey("i1", "k2", "PEM2", NOW, IssuerKeyAdded.ES256))
                .expectEvents(new IssuerKeyAdded("i1", "k2", "PEM2", NOW, IssuerKeyAdded.ES256));
    }

    @Test
    void refusesAnUnknownAlgorithm() {
        fixture.given(REGISTERED)
                .when(new AddIssuerKey("i1", "k1", "PEM", NOW, "HS256"))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void publishesANewerVersionOfAStatusList() {
        fixture.given(REGISTERED, new StatusListPublished("i1", "1", 1, "{v1}", NOW))
                .when(new PublishStatusList("i1", "1", 4, "{v4}", NOW))
                .expectEvents(new StatusListPublished("i1", "1", 4, "{v4}", NOW));
    }

    @Test
    void aStaleOrRepeatedVersionRecordsNothing() {
        fixture.given(REGISTERED, new StatusListPublished("i1", "1", 4, "{v4}", NOW))
                .when(new PublishStatusList("i1", "1", 4, "{v4 again}", NOW))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(REGISTERED, new StatusListPublished("i1", "1", 4, "{v4}", NOW))
                .when(new PublishStatusList("i1", "1", 3, "{v3}", NOW))
                .expectNoEvents();
    }

    @Test
    void listsHaveTheirOwnVersions() {
        fixture.given(REGISTERED, new StatusListPublished("i1", "1", 9, "{list 1}", NOW))
                .when(new PublishStatusList("i1", "2", 1, "{list 2}", NOW))
                .expectEvents(new StatusListPublished("i1", "2", 1, "{list 2}", NOW));
    }
}
