package io.badges.query.summary;

import io.badges.events.badgeclass.BadgeClassDefined;
import io.badges.events.badgeclass.BadgeClassUpdated;
import io.badges.events.issuer.IssuerProfileUpdated;
import io.badges.events.issuer.IssuerRegistered;
import io.badges.query.ReadModel;
import io.badges.query.cache.Invalidations;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/** Drops the cached summaries an event changes, once the projection's transaction has committed. */
@Component
@ProcessingGroup(ReadModel.GROUP)
class SummaryInvalidation {

    private final Invalidations invalidations;

    SummaryInvalidation(Invalidations invalidations) {
        this.invalidations = invalidations;
    }

    @EventHandler
    void on(IssuerRegistered event, @SequenceNumber long seq) {
        invalidations.changed(Summaries.ISSUERS, event.issuerId(), seq);
    }

    @EventHandler
    void on(IssuerProfileUpdated event, @SequenceNumber long seq) {
        invalidations.changed(Summaries.ISSUERS, event.issuerId(), seq);
    }

    @EventHandler
    void on(BadgeClassDefined event, @SequenceNumber long seq) {
        invalidations.changed(Summaries.BADGE_CLASSES, event.badgeClassId(), seq);
    }

    @EventHandler
    void on(BadgeClassUpdated event, @SequenceNumber long seq) {
        invalidations.changed(Summaries.BADGE_CLASSES, event.badgeClassId(), seq);
    }
}
