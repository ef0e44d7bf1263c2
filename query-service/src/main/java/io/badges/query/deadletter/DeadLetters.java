package io.badges.query.deadletter;

import io.badges.query.config.QueryProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The read model's answer to a poison event. An event a projection fails on is retried: the error
 * propagates, the batch rolls back (rows and token) and the processor tries again with back-off, as
 * before. After {@code badges.projection.max-attempts} failures it is parked instead: on the next try,
 * before any projection touches it, it is written to {@code dead_letter} in the batch's own
 * transaction and skipped, so the read model moves on. Later events of the same aggregate are parked
 * behind it, in order (applying them to a state that misses the poison would be wrong), until an
 * operator replays them ({@link DeadLetterReplay}). Parking in the next try, not in the failed one,
 * keeps one transaction on one connection: a failed statement aborts a PostgreSQL transaction, and
 * SQLite has a single writer connection.
 *
 * <p>Alert: the gauge {@code badges_projection_dead_letters} (parked events) and an ERROR log line per
 * parked event (type, id, aggregate; never the payload).
 */
@Component
public class DeadLetters implements ListenerInvocationErrorHandler, MessageHandlerInterceptor<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private record Pending(int attempts, String cause) {
    }

    private final DeadLetterStore store;
    private final Clock clock;
    private final int maxAttempts;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Map<String, Pending> toPark = new ConcurrentHashMap<>();
    private final Set<String> parkedEvents = ConcurrentHashMap.newKeySet();
    private final Set<String> parkedAggregates = ConcurrentHashMap.newKeySet();

    DeadLetters(DeadLetterStore store, Clock clock, QueryProperties properties, MeterRegistry meters) {
        this.store = store;
        this.clock = clock;
        this.maxAttempts = properties.projection().maxAttempts();
        for (String[] key : store.keys()) {
            parkedEvents.add(key[0]);
            if (key[1] != null) {
                parkedAggregates.add(key[1]);
            }
        }
        Gauge.builder("badges.projection.dead.letters", parkedEvents, Set::size)
                .description("events the read model parked after failing on them (replay: /actuator/deadletters)")
                .register(meters);
    }

    @Override
    public void onError(Exception exception, EventMessage<?> event, EventMessageHandler handler) throws Exception {
        int attempts = failures.merge(event.getIdentifier(), 1, Integer::sum);
        if (attempts >= maxAttempts) {
            failures.remove(event.getIdentifier());
            toPark.put(event.getIdentifier(), new Pending(attempts, cause(exception)));
            log.error("projection failed event={} type={} aggregate={} attempts={}: parking it at the next try",
                    event.getIdentifier(), event.getPayloadType().getSimpleName(), aggregateOf(event), attempts);
        } else {
            log.warn("projection failed event={} type={} attempt={} of {}: the batch is retried",
                    event.getIdentifier(), event.getPayloadType().getSimpleName(), attempts, maxAttempts);
        }
        throw exception;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        EventMessage<?> event = unitOfWork.getMessage();
        Pending pending = toPark.remove(event.getIdentifier());
        String aggregate = aggregateOf(event);
        if (pending != null) {
            park(unitOfWork, event, aggregate, pending);
            return null;
        }
        if (aggregate != null && parkedAggregates.contains(aggregate) && !parkedEvents.contains(event.getIdentifier())) {
            park(unitOfWork, event, aggregate, new Pending(0, "parked behind an earlier event of " + aggregate));
            return null;
        }
        return chain.proceed();
    }

    private void park(UnitOfWork<?> unitOfWork, EventMessage<?> event, String aggregate, Pending pending) {
        store.park(event, pending.attempts(), pending.cause(), clock.instant());
        // known at once, so that the aggregate's next events in this very batch are parked behind it
        boolean newAggregate = aggregate != null && parkedAggregates.add(aggregate);
        parkedEvents.add(event.getIdentifier());
        unitOfWork.afterCommit(u -> log.error(
                "projection parked event={} type={} aggregate={}: replay with POST /actuator/deadletters/{}",
                event.getIdentifier(), event.getPayloadType().getSimpleName(), aggregate, event.getIdentifier()));
        unitOfWork.onRollback(u -> {
            parkedEvents.remove(event.getIdentifier());
            if (newAggregate) {
                parkedAggregates.remove(aggregate);
            }
            if (pending.attempts() > 0) {
                toPark.putIfAbsent(event.getIdentifier(), pending);
            }
        });
    }

    /** Forgets a replayed aggregate (or event), so its next events are applied again. */
    void released(String eventId, String aggregate) {
        parkedEvents.remove(eventId);
        if (aggregate != null && store.keys().stream().noneMatch(key -> aggregate.equals(key[1]))) {
            parkedAggregates.remove(aggregate);
        }
    }

    int parked() {
        return parkedEvents.size();
    }

    /**
     * The failure in one line: the exception's type and the first line of its message (a database's
     * second line may quote the row, recipient data included).
     */
    static String cause(Throwable exception) {
        String message = exception.getMessage() == null ? "" : exception.getMessage().lines().findFirst().orElse("");
        return exception.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private static String aggregateOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
    }
}
