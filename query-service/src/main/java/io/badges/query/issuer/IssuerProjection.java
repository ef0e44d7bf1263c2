package io.badges.query.issuer;

import io.badges.events.issuer.IssuerKeyAdded;
import io.badges.events.issuer.IssuerProfileUpdated;
import io.badges.events.issuer.IssuerRegistered;
import io.badges.persistence.Database;
import io.badges.query.ReadModel;
import io.badges.query.cache.Invalidations;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes issuer_view (guarded by last_seq) and issuer_key_view in the processor's transaction;
 * {@link IssuerViewStore} and {@link IssuerKeyViewStore} read them.
 */
@Component
@ProcessingGroup(ReadModel.GROUP)
class IssuerProjection {

    private final JdbcClient writes;
    private final Database database;
    private final Invalidations invalidations;

    IssuerProjection(JdbcClient writes, Database database, Invalidations invalidations) {
        this.writes = writes;
        this.database = database;
        this.invalidations = invalidations;
    }

    @EventHandler
    void on(IssuerRegistered e, @SequenceNumber long seq) {
        writes.sql("""
                INSERT INTO issuer_view (id, name, url, email, description, image, created_at, updated_at, last_seq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING
                """)
                .params(e.issuerId(), e.name(), e.url(), e.email(), e.description(), e.image(),
                        database.bindInstant(e.occurredAt()), database.bindInstant(e.occurredAt()), seq)
                .update();
        invalidations.changed(IssuerViewStore.CACHE, e.issuerId(), seq);
        // "no such issuer" may be cached for its DID document too
        invalidations.changed(DidDocumentStore.CACHE, e.issuerId(), seq);
    }

    @EventHandler
    void on(IssuerProfileUpdated e, @SequenceNumber long seq) {
        writes.sql("""
                UPDATE issuer_view SET name = ?, url = ?, email = ?, description = ?, image = ?, updated_at = ?,
                                       last_seq = ?
                WHERE id = ? AND last_seq < ?
                """)
                .params(e.name(), e.url(), e.email(), e.description(), e.image(), database.bindInstant(e.occurredAt()),
                        seq, e.issuerId(), seq)
                .update();
        invalidations.changed(IssuerViewStore.CACHE, e.issuerId(), seq);
    }

    @EventHandler
    void on(IssuerKeyAdded e, @SequenceNumber long seq) {
        writes.sql("""
                INSERT INTO issuer_key_view (id, issuer_id, public_key_pem, algorithm, created_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING
                """)
                .params(e.keyId(), e.issuerId(), e.publicKeyPem(), e.algorithm(), database.bindInstant(e.occurredAt()))
                .update();
        // the cached issuer holds its key ids: a new last_seq makes it reload them
        writes.sql("UPDATE issuer_view SET last_seq = ? WHERE id = ? AND last_seq < ?")
                .params(seq, e.issuerId(), seq)
                .update();
        invalidations.changed(IssuerKeyViewStore.CACHE, e.keyId(), IssuerKeyViewStore.IMMUTABLE);
        invalidations.changed(IssuerViewStore.CACHE, e.issuerId(), seq);
        invalidations.changed(DidDocumentStore.CACHE, e.issuerId(), seq);
    }
}
