package io.badges.query.config;

import com.zaxxer.hikari.HikariDataSource;
import io.badges.persistence.AxonJdbc;
import io.badges.persistence.SpringConnections;
import io.badges.query.ReadModel;
import io.badges.query.deadletter.DeadLetters;
import io.badges.persistence.Database;
import java.lang.management.ManagementFactory;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The projection's event source is the command side's event store, read through its own read-only
 * pool (embedded and postgres modes), or Kafka (distributed mode, application-distributed.yml); its
 * token lives in the read database, so rows and token commit in one transaction.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfig {

    @Bean(destroyMethod = "shutDown")
    @Profile("!distributed")
    EventStore eventStore(QueryProperties properties,
                          @Qualifier("eventSource") HikariDataSource eventSource,
                          @Qualifier("eventSerializer") Serializer eventSerializer,
                          Serializer serializer,
                          org.axonframework.config.Configuration configuration) {
        Database source = Database.forUrl(properties.db().urlOr(properties.dataDir()));
        var engine = AxonJdbc.eventStorageEngine(source, new DataSourceConnectionProvider(eventSource),
                NoTransactionManager.INSTANCE, eventSerializer, serializer, configuration.upcasterChain());
        return EmbeddedEventStore.builder()
                .storageEngine(engine)
                .fetchDelay(properties.projection().pollInterval().toMillis())
                .cleanupDelay(10_000)
                .build();
    }

    /** Distributed mode: events come from Kafka; nothing here stores or publishes events. */
    @Bean
    @Profile("distributed")
    EventBus eventBus() {
        return SimpleEventBus.builder().build();
    }

    /**
     * A failing projection must not skip the event: the batch rolls back (rows and token) and the
     * processor retries it with back-off, instead of Axon's default of logging and moving on; after
     * {@code badges.projection.max-attempts} failures the event is parked ({@link DeadLetters}).
     */
    @Bean
    ConfigurerModule projectionErrorsStopTheBatchThenPark(DeadLetters deadLetters) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerListenerInvocationErrorHandler(ReadModel.GROUP, c -> deadLetters)
                .registerHandlerInterceptor(ReadModel.GROUP, c -> deadLetters));
    }

    /** Axon's connections from the primary pool, released once (see {@link SpringConnections}). */
    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return SpringConnections.unitOfWorkAware(dataSource);
    }

    @Bean
    TokenStore tokenStore(Database database, ConnectionProvider connectionProvider, Serializer serializer) {
        return AxonJdbc.tokenStore(database, connectionProvider, serializer, "projection_token_entry",
                ManagementFactory.getRuntimeMXBean().getName());
    }
}
