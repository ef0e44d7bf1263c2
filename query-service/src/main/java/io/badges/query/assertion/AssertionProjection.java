package io.badges.query.assertion;

import io.badges.events.assertion.AssertionIssued;
import io.badges.events.assertion.AssertionRevoked;
import io.badges.query.ReadModel;
import io.badges.query.cache.Invalidations;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

@Component
@ProcessingGroup(ReadModel.GROUP)
class AssertionProjection {

    private final AssertionViewStore store;
    private final Invalidations invalidations;

    AssertionProjection(AssertionViewStore store, Invalidations invalidations) {
        this.store = store;
        this.invalidations = invalidations;
    }

    @EventHandler
    void on(AssertionIssued event, @SequenceNumber long seq) {
        store.insert(event, seq);
        invalidations.changed(AssertionViewStore.CACHE, event.assertionId(), seq);
    }

    @EventHandler
    void on(AssertionRevoked event, @SequenceNumber long seq) {
        store.revoke(event, seq);
        invalidations.changed(AssertionViewStore.CACHE, event.assertionId(), seq);
    }
}
