package io.badges.command.status;

import io.badges.command.WriteModel;
import io.badges.events.assertion.AssertionRevoked;
import io.badges.events.issuer.StatusListPublished;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The status list tables of the write model, kept in the command's transaction. A revocation sets its
 * entry and bumps its list's version in the revocation's transaction; the publisher later signs every
 * list whose version is ahead of the published one, so no revocation is lost and many share a signature.
 */
@Component
@ProcessingGroup(WriteModel.GROUP)
class StatusListStore {

    private final JdbcClient jdbc;

    StatusListStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** OB 2.0 awards have no entry: nothing changes for them. */
    @EventHandler
    void on(AssertionRevoked event) {
        int marked = jdbc.sql("UPDATE status_list_entry SET revoked = TRUE WHERE assertion_id = ? AND revoked = FALSE")
                .param(event.assertionId()).update();
        if (marked == 0) {
            return;
        }
        jdbc.sql("""
                UPDATE status_list SET version = version + 1
                WHERE EXISTS (SELECT 1 FROM status_list_entry e WHERE e.assertion_id = ?
                              AND e.issuer_id = status_list.issuer_id AND e.list_id = status_list.list_id)
                """).param(event.assertionId()).update();
    }

    @EventHandler
    void on(StatusListPublished event) {
        jdbc.sql("""
                UPDATE status_list SET published_version = ?
                WHERE issuer_id = ? AND list_id = ? AND published_version < ?
                """).params(event.version(), event.issuerId(), event.listId(), event.version()).update();
    }
}
