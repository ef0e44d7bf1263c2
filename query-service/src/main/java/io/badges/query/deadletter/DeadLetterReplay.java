package io.badges.query.deadletter;

import io.badges.query.ReadModel;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Replays parked events through the read model's own handlers, one transaction each, in the order of
 * their aggregate; each one applied leaves the table with its event. It stops at the first that fails
 * again: that one and those behind it stay parked, with the new failure in the answer.
 */
@Component
class DeadLetterReplay {

    /** What a replay did: the events applied, and the one that failed again (null when none did). */
    record Outcome(List<String> replayed, String failed, String cause) {
    }

    private final DeadLetterStore store;
    private final DeadLetters deadLetters;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final TransactionManager transactions;
    private final Serializer serializer;

    DeadLetterReplay(DeadLetterStore store, DeadLetters deadLetters, ObjectProvider<EventProcessingConfiguration> processing,
                     TransactionManager transactions, @Qualifier("eventSerializer") Serializer serializer) {
        this.store = store;
        this.deadLetters = deadLetters;
        this.processing = processing;
        this.transactions = transactions;
        this.serializer = serializer;
    }

    /** Replays the parked event {@code eventId} and the parked events of its aggregate, in order. */
    Outcome replay(String eventId) {
        List<DeadLetterStore.Stored> parked = store.parkedWith(eventId);
        if (parked.isEmpty()) {
            return null;
        }
        AbstractEventProcessor processor = processing.getObject().eventProcessor(ReadModel.GROUP,
                AbstractEventProcessor.class).orElseThrow();
        List<String> replayed = new ArrayList<>();
        for (DeadLetterStore.Stored stored : parked) {
            EventMessage<?> event = message(stored);
            DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
            unitOfWork.attachTransaction(transactions);
            var result = unitOfWork.executeWithResult(() -> {
                processor.eventHandlerInvoker().handle(event, Segment.ROOT_SEGMENT);
                store.delete(stored.eventId());
                return null;
            });
            if (result.isExceptional()) {
                return new Outcome(replayed, stored.eventId(), DeadLetters.cause(result.exceptionResult()));
            }
            deadLetters.released(stored.eventId(), stored.aggregateId());
            replayed.add(stored.eventId());
        }
        return new Outcome(replayed, null, null);
    }

    private EventMessage<?> message(DeadLetterStore.Stored stored) {
        SerializedType type = new SimpleSerializedType(stored.payloadType(), stored.payloadRevision());
        Object payload = serializer.deserialize(new SimpleSerializedObject<>(stored.payload(), byte[].class, type));
        MetaData metaData = stored.metadata() == null ? MetaData.emptyInstance()
                : serializer.deserialize(new SimpleSerializedObject<>(stored.metadata(), byte[].class,
                        new SimpleSerializedType(MetaData.class.getName(), null)));
        if (stored.aggregateId() == null) {
            return new GenericEventMessage<>(stored.eventId(), payload, metaData, stored.occurredAt());
        }
        return new GenericDomainEventMessage<>(stored.aggregateType(), stored.aggregateId(), stored.sequenceNumber(),
                payload, metaData, stored.eventId(), stored.occurredAt());
    }
}
