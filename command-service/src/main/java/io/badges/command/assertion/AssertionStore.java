package io.badges.command.assertion;

import io.badges.command.WriteModel;
import io.badges.events.assertion.AssertionIssued;
import io.badges.events.assertion.AssertionRevoked;
import io.badges.persistence.Database;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The assertion table of the write model, kept in the command's transaction. */
@Component
@ProcessingGroup(WriteModel.GROUP)
class AssertionStore {

    private static final String PENDING = AssertionStore.class.getName() + ".pending";
    private static final int BATCH_SIZE = 1_000;

    private final JdbcClient client;
    private final JdbcTemplate jdbc;
    private final Database database;

    AssertionStore(JdbcClient client, JdbcTemplate jdbc, Database database) {
        this.client = client;
        this.jdbc = jdbc;
        this.database = database;
    }

    private static final String INSERT = """
            INSERT INTO assertion (id, badge_class_id, issuer_id, recipient_type, recipient_identity, recipient_hashed,
                                   recipient_salt, verification_type, issued_on, expires, revoked, format)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    /**
     * Rows are collected for the whole unit of work and written as one JDBC batch once every event of
     * it has been handled (still inside its transaction): one award or ten thousand, one round trip.
     */
    @EventHandler
    void on(AssertionIssued event) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        List<AssertionIssued> pending = root.getOrComputeResource(PENDING, key -> {
            List<AssertionIssued> rows = new ArrayList<>();
            root.onPrepareCommit(uow -> insert(rows));
            return rows;
        });
        pending.add(event);
    }

    private void insert(List<AssertionIssued> rows) {
        jdbc.batchUpdate(INSERT, rows, BATCH_SIZE, (statement, e) -> {
            statement.setString(1, e.assertionId());
            statement.setString(2, e.badgeClassId());
            statement.setString(3, e.issuerId());
            statement.setString(4, e.recipient().type());
            statement.setString(5, e.recipient().identity());
            statement.setBoolean(6, e.recipient().hashed());
            statement.setString(7, e.recipient().salt());
            statement.setString(8, e.verificationType());
            statement.setObject(9, database.bindInstant(e.issuedOn()));
            statement.setObject(10, database.bindInstant(e.expires()));
            statement.setBoolean(11, false);
            statement.setString(12, e.format());
        });
    }

    @EventHandler
    void on(AssertionRevoked event) {
        client.sql("UPDATE assertion SET revoked = ?, revocation_reason = ?, revoked_at = ? WHERE id = ?")
                .params(true, event.reason(), database.bindInstant(event.occurredAt()), event.assertionId())
                .update();
    }
}
