package io.badges.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.extensions.kafka.eventhandling.DefaultKafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * The batching logic alone, with Kafka's own in-memory {@link MockProducer} standing in for the
 * client (acknowledgements are completed by hand). Against a real broker the publisher is covered
 * by the distributed end-to-end tests: events stored before it ran, a 30 s broker outage, kill -9.
 */
class BatchAckKafkaPublisherTest {

    /** The factory's shared producer, which {@code close()} leaves open (as Axon's does). */
    private final MockProducer<String, byte[]> broker =
            new MockProducer<>(false, new StringSerializer(), new ByteArraySerializer()) {
                @Override
                public void close() {
                    // shared: stays open
                }

                @Override
                public void close(Duration timeout) {
                    // shared: stays open
                }
            };

    private final BatchAckKafkaPublisher publisher = publisher(5_000);

    private BatchAckKafkaPublisher publisher(long ackTimeoutMillis) {
        ProducerFactory<String, byte[]> producers = new ProducerFactory<>() {
            @Override
            public Producer<String, byte[]> createProducer() {
                return broker;
            }

            @Override
            public void shutDown() {
                // nothing to release
            }
        };
        return new BatchAckKafkaPublisher(
                KafkaPublisher.<String, byte[]>builder().serializer(JacksonSerializer.defaultSerializer()), producers,
                DefaultKafkaMessageConverter.builder().serializer(JacksonSerializer.defaultSerializer()).build(),
                event -> Optional.of("badges.events.v1"), ackTimeoutMillis);
    }

    @Test
    void sendsTheWholeBatchBeforeWaitingAndCommitsOnceEveryRecordIsAcknowledged() throws Exception {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        publisher.send(GenericEventMessage.asEventMessage("first"));
        publisher.send(GenericEventMessage.asEventMessage("second"));
        publisher.send(GenericEventMessage.asEventMessage("third"));

        assertThat(broker.history()).as("all three sent, none acknowledged yet").hasSize(3);
        AtomicBoolean committed = new AtomicBoolean();
        CompletableFuture<Boolean> acknowledger = CompletableFuture.supplyAsync(() -> {
            sleep(200);
            boolean committedBeforeAnyAcknowledgement = committed.get();
            while (broker.completeNext()) {
                // acknowledge in order
            }
            return committedBeforeAnyAcknowledgement;
        });
        batch.commit();  // on this thread: a unit of work belongs to the thread that started it
        committed.set(true);
        assertThat(acknowledger.get(5, TimeUnit.SECONDS)).as("the commit waited for the acknowledgements").isFalse();
        assertThat(batch.isRolledBack()).isFalse();
    }

    @Test
    void aRefusedRecordRollsTheWholeBatchBack() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        publisher.send(GenericEventMessage.asEventMessage("first"));
        publisher.send(GenericEventMessage.asEventMessage("second"));
        broker.completeNext();
        broker.errorNext(new org.apache.kafka.common.errors.NotLeaderOrFollowerException("broker moved"));

        assertThatThrownBy(batch::commit).isInstanceOf(BatchAckKafkaPublisher.KafkaPublicationException.class);
        assertThat(batch.isRolledBack()).as("so the processor's token is not stored").isTrue();
    }

    @Test
    void aMissingAcknowledgementTimesTheBatchOut() {
        BatchAckKafkaPublisher impatient = publisher(100);
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        impatient.send(GenericEventMessage.asEventMessage("never acknowledged"));

        assertThatThrownBy(batch::commit).isInstanceOf(BatchAckKafkaPublisher.KafkaPublicationException.class)
                .hasMessageContaining("did not acknowledge 1 events within 100 ms");
        assertThat(batch.isRolledBack()).isTrue();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
