package io.badges.command.config;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaEventPublisher;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Distributed mode: the Axon Kafka extension's publisher is a tracking processor over the event
 * store. Left alone it starts at the head of the store and never publishes what was stored before
 * its first token; here it starts at the tail, so every stored event reaches Kafka.
 */
@Configuration(proxyBeanMethods = false)
@Profile("distributed")
class KafkaPublishingConfig {

    @Bean
    ConfigurerModule publisherStartsAtTheTail() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessorConfiguration(KafkaEventPublisher.DEFAULT_PROCESSING_GROUP,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(100)
                                .andInitialTrackingToken(StreamableMessageSource::createTailToken)));
    }

    @Bean(destroyMethod = "close")
    TopicInitializer topicInitializer(@Value("${axon.kafka.bootstrap-servers}") String bootstrap,
                                      @Value("${axon.kafka.default-topic}") String topic,
                                      @Value("${badges.kafka.topic-partitions:4}") int partitions,
                                      @Value("${badges.kafka.topic-replication:1}") short replication) {
        return new TopicInitializer(bootstrap, topic, partitions, replication);
    }
}
