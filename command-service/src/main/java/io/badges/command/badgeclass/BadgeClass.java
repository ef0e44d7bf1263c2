package io.badges.command.badgeclass;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.badges.command.domain.UnknownReferenceException;
import io.badges.command.issuer.Issuers;
import io.badges.events.badgeclass.BadgeClassDefined;
import io.badges.events.badgeclass.BadgeClassImageChanged;
import io.badges.events.badgeclass.BadgeClassUpdated;
import io.badges.vocabulary.image.BadgeImages;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

@Aggregate
public class BadgeClass {

    @AggregateIdentifier
    private String badgeClassId;
    private String issuerId;
    private boolean hostsImage;

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
        if (command.upload() != null) {
            apply(hosting(command.badgeClassId(), command.issuerId(), command.upload(), command.at()));
        }
    }

    @CommandHandler
    public void handle(UpdateBadgeClass command) {
        BadgeClassDefinition d = command.definition();
        apply(new BadgeClassUpdated(badgeClassId, issuerId, d.name(), d.description(), d.image(), d.criteria(),
                d.tags(), command.at()));
        if (command.upload() != null) {
            apply(hosting(badgeClassId, issuerId, command.upload(), command.at()));
        } else if (d.image() != null && hostsImage) {
            // The newest picture wins: an https URL replaces the hosted one. No image at all keeps it.
            apply(BadgeClassImageChanged.removed(badgeClassId, issuerId, command.at()));
        }
    }

    @CommandHandler
    public void handle(ChangeBadgeClassImage command) {
        apply(hosting(badgeClassId, issuerId, command.image(), command.at()));
    }

    private static BadgeClassImageChanged hosting(String badgeClassId, String issuerId, BadgeImages.Image image,
                                                  Instant at) {
        return new BadgeClassImageChanged(badgeClassId, issuerId, image.type().mediaType(), image.bytes(),
                image.sha256(), at);
    }

    @EventSourcingHandler
    void on(BadgeClassDefined event) {
        this.badgeClassId = event.badgeClassId();
        this.issuerId = event.issuerId();
    }

    @EventSourcingHandler
    void on(BadgeClassImageChanged event) {
        this.hostsImage = event.hosted();
    }
}
