package io.badges.command.config;

import io.badges.command.WriteModel;
import io.badges.command.publishing.CommitAwareEventStore;
import io.badges.command.publishing.HeadPacedEventStorageEngine;
import io.badges.command.publishing.HeadReadPacer;
import io.badges.persistence.AxonJdbc;
import io.badges.persistence.SpringConnections;
import io.badges.persistence.Database;
import java.lang.management.ManagementFactory;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon on the primary database: the JDBC event store shares the DataSource (and so the transaction)
 * with the write-model tables, which makes it the transactional outbox.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfig {

    /** Axon's connections from the primary pool, released once (see {@link SpringConnections}). */
    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return SpringConnections.unitOfWorkAware(dataSource);
    }

    /**
     * Its tracked reads (the Kafka publisher's) at the store's head are at least
     * {@code badges.outbox-read-pause} apart ({@link HeadReadPacer}).
     */
    @Bean
    EventStorageEngine eventStorageEngine(Database database, ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Serializer serializer, BadgesProperties properties,
                                          org.axonframework.config.Configuration configuration) {
        return new HeadPacedEventStorageEngine(AxonJdbc.eventStorageEngineBuilder(database, connectionProvider,
                transactionManager, eventSerializer, serializer, configuration.upcasterChain()),
                HeadReadPacer.of(properties.outboxReadPause()));
    }

    /**
     * Woken when a transaction holding events commits ({@link CommitAwareEventStore}); events stored by
     * anything else (another command-service instance) are looked for every
     * {@code badges.outbox-poll-interval}. Without tracking readers (only the Kafka publisher is one)
     * it reads nothing.
     */
    @Bean(destroyMethod = "shutDown")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, BadgesProperties properties,
                                  org.axonframework.config.Configuration configuration) {
        return new CommitAwareEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(properties.outboxPollInterval().toMillis()));
    }

    @Bean
    TokenStore tokenStore(Database database, ConnectionProvider connectionProvider, Serializer serializer) {
        return AxonJdbc.tokenStore(database, connectionProvider, serializer, "token_entry",
                ManagementFactory.getRuntimeMXBean().getName());
    }

    /** A failing write-model handler must fail the command, so that neither row nor event is stored. */
    @Bean
    ConfigurerModule writeModelFailsTheCommand() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(WriteModel.GROUP, c -> PropagatingErrorHandler.instance()));
    }
}
