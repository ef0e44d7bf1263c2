package io.badges.query.assertion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.events.assertion.AssertionIssued;
import io.badges.events.assertion.AssertionRevoked;
import io.badges.events.assertion.Evidence;
import io.badges.events.assertion.Recipient;
import io.badges.persistence.Database;
import io.badges.query.ProjectionWrites;
import io.badges.query.ReadModel;
import io.badges.query.cache.Invalidations;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Writes assertion_view (guarded by last_seq) in the processor's transaction, batched per processor
 * batch ({@link ProjectionWrites}: no handler reads these rows back); {@link AssertionViewStore} reads it.
 */
@Component
@ProcessingGroup(ReadModel.GROUP)
class AssertionProjection {

    private final ProjectionWrites writes;
    private final Database database;
    private final ObjectMapper json;
    private final Invalidations invalidations;

    AssertionProjection(ProjectionWrites writes, Database database, ObjectMapper json, Invalidations invalidations) {
        this.writes = writes;
        this.database = database;
        this.json = json;
        this.invalidations = invalidations;
    }

    @EventHandler
    void on(AssertionIssued e, @SequenceNumber long seq) {
        Recipient r = e.recipient();
        writes.update("""
                INSERT INTO assertion_view (id, badge_class_id, issuer_id, recipient_type, recipient_identity,
                                            recipient_hashed, recipient_salt, evidence, narrative, verification_type,
                                            issued_on, expires, revoked, signature, recipient_lookup, format,
                                            credential, credential_jwt, last_seq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING
                """, e.assertionId(), e.badgeClassId(), e.issuerId(), r.type(), r.identity(), r.hashed(),
                        r.salt(), write(e.evidence()), e.narrative(), e.verificationType(),
                        database.bindInstant(e.issuedOn()), database.bindInstant(e.expires()), false, e.signature(),
                        e.recipientLookup(), e.format(), e.credential(), e.credentialJwt(), seq);
        invalidations.changed(AssertionViewStore.CACHE, e.assertionId(), seq);
    }

    @EventHandler
    void on(AssertionRevoked e, @SequenceNumber long seq) {
        writes.update("""
                UPDATE assertion_view SET revoked = ?, revocation_reason = ?, revoked_at = ?, last_seq = ?
                WHERE id = ? AND last_seq < ?
                """, true, e.reason(), database.bindInstant(e.occurredAt()), seq, e.assertionId(), seq);
        invalidations.changed(AssertionViewStore.CACHE, e.assertionId(), seq);
    }

    private String write(List<Evidence> evidence) {
        try {
            return json.writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
