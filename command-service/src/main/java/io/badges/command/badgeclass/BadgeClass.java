package io.badges.command.badgeclass;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.badges.command.domain.UnknownReferenceException;
import io.badges.command.issuer.Issuers;
import io.badges.events.badgeclass.BadgeClassDefined;
import io.badges.events.badgeclass.BadgeClassUpdated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

@Aggregate
public class BadgeClass {

    @AggregateIdentifier
    private String badgeClassId;
    private String issuerId;

    protected BadgeClass() {
    }

    @CommandHandler
    public BadgeClass(DefineBadgeClass command, Issuers issuers) {
        if (!issuers.exists(command.issuerId())) {
            throw new UnknownReferenceException("issuerId", "no issuer " + command.issuerId());
        }
        BadgeClassDefinition d = command.definition();
        apply(new BadgeClassDefined(command.badgeClassId(), command.issuerId(), d.name(), d.description(), d.image(),
                d.criteria(), d.tags(), command.at()));
    }

    @CommandHandler
    public void handle(UpdateBadgeClass command) {
        BadgeClassDefinition d = command.definition();
        apply(new BadgeClassUpdated(badgeClassId, issuerId, d.name(), d.description(), d.image(), d.criteria(),
                d.tags(), command.at()));
    }

    @EventSourcingHandler
    void on(BadgeClassDefined event) {
        this.badgeClassId = event.badgeClassId();
        this.issuerId = event.issuerId();
    }
}
