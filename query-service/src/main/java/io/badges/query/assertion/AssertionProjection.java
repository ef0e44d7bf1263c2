package io.badges.query.assertion;

import io.badges.events.assertion.AssertionIssued;
import io.badges.events.assertion.AssertionRevoked;
import io.badges.query.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

@Component
@ProcessingGroup(ReadModel.GROUP)
class AssertionProjection {

    private final AssertionViewStore store;

    AssertionProjection(AssertionViewStore store) {
        this.store = store;
    }

    @EventHandler
    void on(AssertionIssued event, @SequenceNumber long seq) {
        store.insert(event, seq);
    }

    @EventHandler
    void on(AssertionRevoked event, @SequenceNumber long seq) {
        store.revoke(event, seq);
    }
}
