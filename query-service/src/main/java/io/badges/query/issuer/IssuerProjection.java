package io.badges.query.issuer;

import io.badges.events.issuer.IssuerKeyAdded;
import io.badges.events.issuer.IssuerProfileUpdated;
import io.badges.events.issuer.IssuerRegistered;
import io.badges.query.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

@Component
@ProcessingGroup(ReadModel.GROUP)
class IssuerProjection {

    private final IssuerViewStore store;
    private final IssuerKeyViewStore keys;

    IssuerProjection(IssuerViewStore store, IssuerKeyViewStore keys) {
        this.store = store;
        this.keys = keys;
    }

    @EventHandler
    void on(IssuerRegistered event, @SequenceNumber long seq) {
        store.insert(event, seq);
    }

    @EventHandler
    void on(IssuerProfileUpdated event, @SequenceNumber long seq) {
        store.update(event, seq);
    }

    @EventHandler
    void on(IssuerKeyAdded event) {
        keys.insert(event);
    }
}
