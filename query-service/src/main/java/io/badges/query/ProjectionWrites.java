package io.badges.query;

import io.badges.query.config.QueryProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The statements a projection writes for the events of one processor batch, sent as JDBC batches
 * (one per run of the same statement, in the order they were written) when the batch's unit of work
 * prepares to commit: one round trip for a run of awards instead of one per event, and the same
 * transaction as the token. For statements whose effect no handler reads back within the batch and
 * whose row count no handler needs.
 *
 * <p>A batch that fails to flush fails the whole processor batch, as a failing handler does (rows and
 * token roll back, the processor retries); the events whose statements were in it are then written
 * one by one at their next try, in the handler, so that a poison event fails in its own handler and
 * {@link io.badges.query.deadletter.DeadLetters} counts and parks it as before.
 */
@Component
public class ProjectionWrites {

    private static final Logger log = LoggerFactory.getLogger(ProjectionWrites.class);
    private static final String PENDING = ProjectionWrites.class.getName() + ".pending";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final boolean batched;
    private final Map<String, Instant> writeOneByOne = new ConcurrentHashMap<>();

    ProjectionWrites(DataSource dataSource, Clock clock, QueryProperties properties) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
        this.batched = properties.projection().batchWrites();
    }

    private record Statement(String sql, Object[] args, String eventId) {
    }

    /** Writes {@code sql} with {@code args}: at the batch's commit, or now outside a processor batch. */
    public void update(String sql, Object... args) {
        if (!batched || !CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, args);
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        String eventId = unitOfWork.getMessage().getIdentifier();
        if (writeOneByOne.containsKey(eventId)) {
            jdbc.update(sql, args);
            unitOfWork.root().afterCommit(u -> writeOneByOne.remove(eventId));
            return;
        }
        UnitOfWork<?> root = unitOfWork.root();
        List<Statement> pending = root.getOrComputeResource(PENDING, k -> {
            List<Statement> statements = new ArrayList<>();
            root.onPrepareCommit(u -> flush(statements));
            return statements;
        });
        pending.add(new Statement(sql, args, eventId));
    }

    private void flush(List<Statement> statements) {
        int from = 0;
        try {
            while (from < statements.size()) {
                String sql = statements.get(from).sql();
                int to = from;
                List<Object[]> args = new ArrayList<>();
                while (to < statements.size() && statements.get(to).sql().equals(sql)) {
                    args.add(statements.get(to++).args());
                }
                if (args.size() == 1) {
                    jdbc.update(sql, args.get(0));
                } else {
                    jdbc.batchUpdate(sql, args);
                }
                from = to;
            }
        } catch (RuntimeException e) {
            Instant until = clock.instant().plusSeconds(600);
            writeOneByOne.values().removeIf(expiry -> expiry.isBefore(clock.instant()));
            statements.forEach(s -> writeOneByOne.put(s.eventId(), until));
            log.warn("projection batch of {} statements failed ({}): its events are written one by one at their "
                    + "next try", statements.size(), e.getClass().getSimpleName());
            throw e;
        }
    }
}
