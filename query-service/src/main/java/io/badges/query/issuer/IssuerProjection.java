package io.badges.query.issuer;

import io.badges.events.issuer.IssuerKeyAdded;
import io.badges.events.issuer.IssuerProfileUpdated;
import io.badges.events.issuer.IssuerRegistered;
import io.badges.query.ReadModel;
import io.badges.query.cache.Invalidations;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

@Component
@ProcessingGroup(ReadModel.GROUP)
class IssuerProjection {

    private final IssuerViewStore store;
    private final IssuerKeyViewStore keys;
    private final Invalidations invalidations;

    IssuerProjection(IssuerViewStore store, IssuerKeyViewStore keys, Invalidations invalidations) {
        this.store = store;
        this.keys = keys;
        this.invalidations = invalidations;
    }

    @EventHandler
    void on(IssuerRegistered event, @SequenceNumber long seq) {
        store.insert(event, seq);
        invalidations.changed(IssuerViewStore.CACHE, event.issuerId(), seq);
    }

    @EventHandler
    void on(IssuerProfileUpdated event, @SequenceNumber long seq) {
        store.update(event, seq);
        invalidations.changed(IssuerViewStore.CACHE, event.issuerId(), seq);
    }

    @EventHandler
    void on(IssuerKeyAdded event, @SequenceNumber long seq) {
        keys.insert(event);
        store.touch(event.issuerId(), seq);
        invalidations.changed(IssuerKeyViewStore.CACHE, event.keyId(), IssuerKeyViewStore.IMMUTABLE);
        invalidations.changed(IssuerViewStore.CACHE, event.issuerId(), seq);
    }
}
