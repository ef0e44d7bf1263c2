package io.badges.command.publishing;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's embedded event store, whose tracking readers (the Kafka publisher) are woken once the events
 * are committed in the database. Axon wakes them when the command's unit of work commits; an award's
 * unit of work joins the request's transaction (row, event and Idempotency-Key commit together), so
 * that moment came before the database commit: the woken reader found nothing yet and slept for the
 * store's poll interval (Axon's default: one second) unless a later command woke it again. Here the
 * wake-up waits for the end of the surrounding transaction when there is one.
 */
public final class CommitAwareEventStore extends EmbeddedEventStore {

    public CommitAwareEventStore(Builder builder) {
        super(builder);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    wakeReaders(events);  // after a rollback too: one needless read, never a missed one
                }
            });
        } else {
            wakeReaders(events);
        }
    }

    private void wakeReaders(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
    }
}
