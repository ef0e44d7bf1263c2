package io.badges.query.badgeclass;

import io.badges.events.badgeclass.BadgeClassDefined;
import io.badges.events.badgeclass.BadgeClassUpdated;
import io.badges.query.ReadModel;
import io.badges.query.cache.Invalidations;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

@Component
@ProcessingGroup(ReadModel.GROUP)
class BadgeClassProjection {

    private final BadgeClassViewStore store;
    private final Invalidations invalidations;

    BadgeClassProjection(BadgeClassViewStore store, Invalidations invalidations) {
        this.store = store;
        this.invalidations = invalidations;
    }

    @EventHandler
    void on(BadgeClassDefined event, @SequenceNumber long seq) {
        store.insert(event, seq);
        invalidations.changed(BadgeClassViewStore.CACHE, event.badgeClassId(), seq);
    }

    @EventHandler
    void on(BadgeClassUpdated event, @SequenceNumber long seq) {
        store.update(event, seq);
        invalidations.changed(BadgeClassViewStore.CACHE, event.badgeClassId(), seq);
    }
}
