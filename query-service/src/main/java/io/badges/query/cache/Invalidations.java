package io.badges.query.cache;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Projections tell what an event changed; once the batch's transaction has committed (rows and token),
 * this instance's L1 gets tombstones, Redis gets them too and one message on the channel tells every
 * other instance. Nothing is invalidated for a batch that rolled back.
 */
@Component
public class Invalidations {

    private static final String PENDING = Invalidations.class.getName() + ".pending";

    private final Caches caches;

    Invalidations(Caches caches) {
        this.caches = caches;
    }

    private record Change(String cache, String id, long version) {
    }

    /** The row {@code id} of {@code cache} changed; after this transaction it has {@code lastSeq}. */
    public void changed(String cache, String id, long lastSeq) {
        Change change = new Change(cache, id, lastSeq + 1);
        if (!CurrentUnitOfWork.isStarted()) {
            publish(List.of(change));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        List<Change> pending = root.getOrComputeResource(PENDING, k -> {
            List<Change> changes = new ArrayList<>();
            root.afterCommit(u -> publish(changes));
            return changes;
        });
        pending.add(change);
    }

    private void publish(List<Change> changes) {
        if (!caches.settings().enabled() || changes.isEmpty()) {
            return;
        }
        for (Change c : changes) {
            caches.tombstone(c.cache(), c.id(), c.version());
        }
        RedisTier redis = caches.redis();
        if (redis != null) {
            StringBuilder message = new StringBuilder(changes.size() * 56);
            List<RedisTier.Tombstone> tombstones = new ArrayList<>(changes.size());
            for (Change c : changes) {
                tombstones.add(new RedisTier.Tombstone(c.cache(), c.id(), Slot.tombstone(c.version()).rank()));
                message.append(c.cache()).append(' ').append(c.id()).append(' ').append(c.version()).append('\n');
            }
            redis.invalidate(tombstones, message.toString(), caches.settings().tombstoneTtl().toMillis());
        }
    }
}
