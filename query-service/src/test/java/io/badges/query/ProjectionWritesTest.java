package io.badges.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.sqlite.SQLiteDataSource;

/**
 * {@link ProjectionWrites} against a real SQLite file, with datasource-proxy recording what reaches the
 * driver: a processor batch's statements go as JDBC batches at its commit, in order; after a batch
 * that failed to flush, its events are written one by one so that the poison one fails in its handler.
 */
class ProjectionWritesTest {

    private static final String INSERT = "INSERT INTO award (id, state) VALUES (?, ?)";
    private static final String REVOKE = "UPDATE award SET state = 'revoked' WHERE id = ?";

    private final List<String> executions = new ArrayList<>();
    private JdbcTemplate table;
    private DataSource recorded;

    @BeforeEach
    void database() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "projection-writes"));
        Path file = Files.createTempFile(dir, "writes", ".db");
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + file);
        table = new JdbcTemplate(sqlite);
        table.execute("CREATE TABLE award (id TEXT PRIMARY KEY, state TEXT NOT NULL CHECK (state <> 'poison'))");
        recorded = ProxyDataSourceBuilder.create(sqlite).listener(new QueryExecutionListener() {
            @Override
            public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
            }

            @Override
            public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
                String statement = queries.get(0).getQuery().split(" ")[0];
                executions.add(execution.isBatch() ? statement + " batch of " + execution.getBatchSize() : statement);
            }
        }).build();
    }

    private ProjectionWrites writes(boolean batched) {
        return new ProjectionWrites(recorded, Clock.systemUTC(), TestProperties.withBatchWrites(batched));
    }

    private static List<EventMessage<?>> events(String... payloads) {
        return List.of(payloads).stream().<EventMessage<?>>map(GenericEventMessage::asEventMessage).toList();
    }

    /** Runs {@code handler} for each event in one processor batch, as a tracking processor does. */
    private static ResultMessage<?> inOneBatch(List<EventMessage<?>> events, Callable<Object> handler) {
        return new BatchingUnitOfWork<>(events).executeWithResult(handler, RollbackConfigurationType.ANY_THROWABLE);
    }

    private static String payload() {
        return (String) CurrentUnitOfWork.get().getMessage().getPayload();
    }

    private List<String> rows() {
        return table.query("SELECT id || ':' || state FROM award ORDER BY id", (rs, n) -> rs.getString(1));
    }

    @Test
    void aBatchsStatementsReachTheDatabaseAtItsCommitAsJdbcBatchesInOrder() {
        ProjectionWrites writes = writes(true);
        List<List<String>> seenDuringTheBatch = new ArrayList<>();

        ResultMessage<?> result = inOneBatch(events("a", "b", "c", "revoke b", "d"), () -> {
            String event = payload();
            if (event.startsWith("revoke ")) {
                writes.update(REVOKE, event.substring(7));
            } else {
                writes.update(INSERT, event, "issued");
            }
            seenDuringTheBatch.add(rows());
            return null;
        });

        assertThat(result.isExceptional()).isFalse();
        assertThat(seenDuringTheBatch).allSatisfy(seen -> assertThat(seen).isEmpty());
        assertThat(executions).containsExactly("INSERT batch of 3", "UPDATE", "INSERT");
        assertThat(rows()).containsExactly("a:issued", "b:revoked", "c:issued", "d:issued");
    }

    @Test
    void afterAFailedFlushTheBatchsEventsAreWrittenOneByOneSoThePoisonFailsInItsHandler() {
        ProjectionWrites writes = writes(true);
        List<String> failedIn = new ArrayList<>();
        Callable<Object> handler = () -> {
            String event = payload();
            try {
                writes.update(INSERT, event, event.equals("p") ? "poison" : "issued");
            } catch (RuntimeException e) {
                failedIn.add(event);
                throw e;
            }
            return null;
        };

        List<EventMessage<?>> batch = events("o", "p", "q");
        ResultMessage<?> first = inOneBatch(batch, handler);
        assertThat(first.isExceptional()).isTrue();
        assertThat(failedIn).isEmpty();
        assertThat(executions).containsExactly("INSERT batch of 3");

        executions.clear();
        table.update("DELETE FROM award");
        ResultMessage<?> retry = inOneBatch(batch, handler);

        assertThat(retry.isExceptional()).isTrue();
        assertThat(failedIn).containsExactly("p");
        assertThat(executions).containsExactly("INSERT", "INSERT");
    }

    @Test
    void outsideAProcessorBatchOrSwitchedOffAStatementIsWrittenAtOnce() {
        writes(true).update(INSERT, "x", "issued");
        assertThat(rows()).containsExactly("x:issued");

        ProjectionWrites oneByOne = writes(false);
        List<List<String>> seen = new ArrayList<>();
        inOneBatch(events("y", "z"), () -> {
            oneByOne.update(INSERT, payload(), "issued");
            seen.add(rows());
            return null;
        });
        assertThat(seen).containsExactly(List.of("x:issued", "y:issued"), List.of("x:issued", "y:issued", "z:issued"));
        assertThat(executions).containsExactly("INSERT", "INSERT", "INSERT");
    }
}
