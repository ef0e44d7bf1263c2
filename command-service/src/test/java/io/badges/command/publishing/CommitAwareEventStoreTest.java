package io.badges.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Inside a surrounding Spring transaction (an award's) the readers are woken when it completes, not
 * when the command's unit of work commits. Against PostgreSQL and a broker the publisher is covered
 * by the distributed end-to-end tests.
 */
class CommitAwareEventStoreTest {

    private final EmbeddedEventStore store = new CommitAwareEventStore(EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()));

    @AfterEach
    void tearDown() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
        store.shutDown();
    }

    @Test
    void wakesTheReadersOnlyOnceTheSurroundingTransactionHasCompleted() {
        TransactionSynchronizationManager.initSynchronization();

        ((CommitAwareEventStore) store).afterCommit(List.of(GenericEventMessage.asEventMessage("awarded")));

        List<TransactionSynchronization> pending = TransactionSynchronizationManager.getSynchronizations();
        assertThat(pending).hasSize(1);
        pending.get(0).afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
    }
}
