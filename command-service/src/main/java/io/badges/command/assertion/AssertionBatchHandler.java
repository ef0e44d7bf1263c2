package io.badges.command.assertion;

import io.badges.command.badgeclass.BadgeClasses;
import io.badges.command.domain.UnknownReferenceException;
import io.badges.events.assertion.AssertionIssued;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Creates the assertions of a batch in one unit of work (one transaction: all or nothing). Each new
 * assertion is its first event, {@code AssertionIssued} at sequence 0 of its own aggregate, decided
 * by the same rule as a single award ({@link Assertion#issued}); loading the aggregates later works
 * as for any other. They are appended directly rather than through the aggregate repository, whose
 * per-unit-of-work bookkeeping is quadratic in the number of aggregates (measured with JFR: 10,000
 * new aggregates in one unit of work spent most of the request in it). Events and rows are written
 * as JDBC batches when the unit of work commits.
 */
@Component
class AssertionBatchHandler {

    private static final String AGGREGATE_TYPE = Assertion.class.getSimpleName();

    private final EventStore events;
    private final BadgeClasses badgeClasses;

    AssertionBatchHandler(EventStore events, BadgeClasses badgeClasses) {
        this.events = events;
        this.badgeClasses = badgeClasses;
    }

    @CommandHandler
    void handle(IssueAssertionBatch batch) {
        String issuerId = badgeClasses.issuerOf(batch.badgeClassId()).orElseThrow(() ->
                new UnknownReferenceException("badgeClassId", "no badge class " + batch.badgeClassId()));
        List<DomainEventMessage<AssertionIssued>> issued = batch.awards().stream()
                .map(award -> Assertion.issued(award, issuerId))
                .map(event -> (DomainEventMessage<AssertionIssued>) new GenericDomainEventMessage<>(
                        AGGREGATE_TYPE, event.assertionId(), 0, event))
                .toList();
        events.publish(issued);
    }
}
