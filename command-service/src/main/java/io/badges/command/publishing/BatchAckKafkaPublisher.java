package io.badges.command.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.extensions.kafka.eventhandling.producer.TopicResolver;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The outbox publisher with one wait per batch instead of one per event. Axon's {@link KafkaPublisher}
 * in {@code WAIT_FOR_ACK} mode blocks on each record's acknowledgement before it sends the next, so
 * the publishing processor moves one broker round trip per event (about 100-200 events/s on the
 * development machine: bench/projection-lag.sh). This one sends every event of the tracking
 * processor's batch at once and waits for all acknowledgements when the batch's unit of work
 * prepares to commit, which is before the processor's token is stored in the same transaction: a
 * failed or missing acknowledgement rolls the batch back, and the processor sends it again
 * (at least once; consumers ignore duplicates). The idempotent producer keeps each partition's
 * order through retries.
 */
public final class BatchAckKafkaPublisher extends KafkaPublisher<String, byte[]> {

    private static final String PENDING = BatchAckKafkaPublisher.class.getName() + ".pending";

    private final ProducerFactory<String, byte[]> producers;
    private final KafkaMessageConverter<String, byte[]> converter;
    private final TopicResolver topics;
    private final long ackTimeoutMillis;

    public BatchAckKafkaPublisher(Builder<String, byte[]> builder, ProducerFactory<String, byte[]> producers,
                                  KafkaMessageConverter<String, byte[]> converter, TopicResolver topics,
                                  long ackTimeoutMillis) {
        super(builder.producerFactory(producers).messageConverter(converter).topicResolver(topics)
                .publisherAckTimeout(ackTimeoutMillis));
        this.producers = producers;
        this.converter = converter;
        this.topics = topics;
        this.ackTimeoutMillis = ackTimeoutMillis;
    }

    @Override
    public <T extends EventMessage<?>> void send(T event) {
        Optional<String> topic = topics.resolve(event);
        if (topic.isEmpty()) {
            return;
        }
        Producer<String, byte[]> producer = producers.createProducer();
        Future<RecordMetadata> ack = producer.send(converter.createKafkaMessage(event, topic.get()));
        producer.close();  // the shared producer of a non-transactional factory: closing it is a no-op
        pending().add(ack);
    }

    /** The acknowledgements this batch waits for, created together with its prepare-commit wait. */
    private List<Future<RecordMetadata>> pending() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING, key -> {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            batch.onPrepareCommit(u -> awaitAll(acks));
            return acks;
        });
    }

    private void awaitAll(List<Future<RecordMetadata>> acks) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ackTimeoutMillis);
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaPublicationException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaPublicationException("the broker did not acknowledge " + acks.size()
                    + " events within " + ackTimeoutMillis + " ms; the batch is sent again", e);
        }
    }

    /** Rolls the batch back, so that its token is not stored and the processor retries it. */
    static final class KafkaPublicationException extends RuntimeException {
        KafkaPublicationException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
