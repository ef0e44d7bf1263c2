package io.badges.command.config;

import io.badges.command.publishing.BatchAckKafkaPublisher;
import io.badges.command.publishing.TopicInitializer;
import java.time.Duration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaEventPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.extensions.kafka.eventhandling.producer.TopicResolver;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Distributed mode: the Axon Kafka extension's publisher is a tracking processor over the event
 * store. Left alone it starts at the head of the store and never publishes what was stored before
 * its first token; here it starts at the tail, so every stored event reaches Kafka. Its sender is
 * {@link BatchAckKafkaPublisher}, which waits for the broker once per batch instead of once per event.
 */
@Configuration(proxyBeanMethods = false)
@Profile("distributed")
class KafkaPublishingConfig {

    /** {@code badges.kafka.publisher-batch-size}: events sent per broker wait (and per token update). */
    @Bean
    ConfigurerModule publisherStartsAtTheTail(@Value("${badges.kafka.publisher-batch-size:100}") int batchSize) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessorConfiguration(KafkaEventPublisher.DEFAULT_PROCESSING_GROUP,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(batchSize)
                                .andInitialTrackingToken(StreamableMessageSource::createTailToken)));
    }

    /** Takes the place of the extension's publisher, whose bean is conditional on there being none. */
    @Bean
    @SuppressWarnings("unchecked")
    KafkaPublisher<String, byte[]> kafkaPublisher(ProducerFactory<?, ?> producerFactory,
                                                  KafkaMessageConverter<?, ?> kafkaMessageConverter,
                                                  TopicResolver topicResolver,
                                                  @Qualifier("eventSerializer") Serializer eventSerializer,
                                                  org.axonframework.config.Configuration configuration,
                                                  @Value("${badges.kafka.publish-ack-timeout:35s}") Duration ackTimeout) {
        return new BatchAckKafkaPublisher(KafkaPublisher.<String, byte[]>builder().serializer(eventSerializer)
                .messageMonitor(configuration.messageMonitor(KafkaPublisher.class, "kafkaPublisher")),
                (ProducerFactory<String, byte[]>) producerFactory,
                (KafkaMessageConverter<String, byte[]>) kafkaMessageConverter, topicResolver, ackTimeout.toMillis());
    }

    @Bean(destroyMethod = "close")
    TopicInitializer topicInitializer(@Value("${axon.kafka.bootstrap-servers}") String bootstrap,
                                      @Value("${axon.kafka.default-topic}") String topic,
                                      @Value("${badges.kafka.topic-partitions:4}") int partitions,
                                      @Value("${badges.kafka.topic-replication:1}") short replication) {
        return new TopicInitializer(bootstrap, topic, partitions, replication);
    }
}
