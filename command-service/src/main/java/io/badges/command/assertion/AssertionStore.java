package io.badges.command.assertion;

import io.badges.command.WriteModel;
import io.badges.events.assertion.AssertionIssued;
import io.badges.events.assertion.AssertionRevoked;
import io.badges.persistence.Vendor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The assertion table of the write model, kept in the command's transaction. */
@Component
@ProcessingGroup(WriteModel.GROUP)
class AssertionStore {

    private final JdbcClient jdbc;
    private final Vendor vendor;

    AssertionStore(JdbcClient jdbc, Vendor vendor) {
        this.jdbc = jdbc;
        this.vendor = vendor;
    }

    @EventHandler
    void on(AssertionIssued event) {
        jdbc.sql("""
                INSERT INTO assertion (id, badge_class_id, issuer_id, recipient_type, recipient_identity,
                                       recipient_hashed, recipient_salt, verification_type, issued_on, expires,
                                       revoked)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(event.assertionId(), event.badgeClassId(), event.issuerId(), event.recipient().type(),
                        event.recipient().identity(), event.recipient().hashed(), event.recipient().salt(),
                        event.verificationType(), vendor.bindInstant(event.issuedOn()),
                        vendor.bindInstant(event.expires()), false)
                .update();
    }

    @EventHandler
    void on(AssertionRevoked event) {
        jdbc.sql("UPDATE assertion SET revoked = ?, revocation_reason = ?, revoked_at = ? WHERE id = ?")
                .params(true, event.reason(), vendor.bindInstant(event.occurredAt()), event.assertionId())
                .update();
    }
}
