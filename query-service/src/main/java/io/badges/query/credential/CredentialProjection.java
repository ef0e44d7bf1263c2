package io.badges.query.credential;

import io.badges.events.assertion.AssertionIssued;
import io.badges.events.issuer.StatusListPublished;
import io.badges.persistence.Database;
import io.badges.query.ReadModel;
import io.badges.query.cache.Invalidations;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes status_list_view in the processor's transaction, and invalidates the credential caches. The
 * credential columns of assertion_view are the assertion projection's to write; this only clears a
 * cached "no such credential" once the award arrives.
 */
@Component
@ProcessingGroup(ReadModel.GROUP)
class CredentialProjection {

    /** Keeps the highest version of each list, whatever order the publications arrive in. */
    static final String UPSERT = """
            INSERT INTO status_list_view (issuer_id, list_id, version, credential, updated_at, last_seq)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (issuer_id, list_id) DO UPDATE
                SET version = excluded.version, credential = excluded.credential,
                    updated_at = excluded.updated_at, last_seq = excluded.last_seq
                WHERE status_list_view.version < excluded.version
            """;

    private final JdbcClient writes;
    private final Database database;
    private final Invalidations invalidations;

    CredentialProjection(JdbcClient writes, Database database, Invalidations invalidations) {
        this.writes = writes;
        this.database = database;
        this.invalidations = invalidations;
    }

    @EventHandler
    void on(AssertionIssued e) {
        if (e.ob3()) {
            invalidations.changed(CredentialStore.CACHE, e.assertionId(), CredentialStore.IMMUTABLE);
        }
    }

    @EventHandler
    void on(StatusListPublished e, @SequenceNumber long seq) {
        int changed = writes.sql(UPSERT)
                .params(e.issuerId(), e.listId(), e.version(), e.credential(), database.bindInstant(e.occurredAt()),
                        seq)
                .update();
        if (changed > 0) {
            invalidations.changed(StatusListStore.CACHE, StatusListStore.key(e.issuerId(), e.listId()), e.version());
        }
    }
}
