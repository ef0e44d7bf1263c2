package io.badges.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.events.BadgeEvent;
import io.badges.events.assertion.AssertionIssued;
import io.badges.events.assertion.AssertionRevoked;
import io.badges.events.badgeclass.BadgeClassDefined;
import io.badges.events.issuer.IssuerRegistered;
import io.badges.persistence.Database;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

/** Batched inserts of write-model rows and their events, as the command service stores them. */
final class Rows {

    private final PreparedStatement events;
    private final PreparedStatement issuers;
    private final PreparedStatement badges;
    private final PreparedStatement assertions;
    private final PreparedStatement revocations;
    private int pending;

    private final Database vendor;
    private final ObjectMapper json;

    Rows(Connection c, Database vendor, ObjectMapper json) throws Exception {
        this.vendor = vendor;
        this.json = json;
        events = c.prepareStatement("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, "
                + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) "
                + "VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)");
        issuers = c.prepareStatement("INSERT INTO issuer (id, name, url, email, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)");
        badges = c.prepareStatement("INSERT INTO badge_class (id, issuer_id, name, description, criteria_narrative, "
                + "tags, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '[\"generated\"]', ?, ?)");
        assertions = c.prepareStatement("INSERT INTO assertion (id, badge_class_id, issuer_id, recipient_type, "
                + "recipient_identity, recipient_hashed, recipient_salt, verification_type, issued_on, revoked) "
                + "VALUES (?, ?, ?, 'email', ?, ?, ?, 'hosted', ?, ?)");
        revocations = c.prepareStatement("UPDATE assertion SET revoked = ?, revocation_reason = ?, revoked_at = ? "
                + "WHERE id = ?");
    }

    int pending() {
        return pending;
    }

    void issuer(IssuerRegistered e) throws Exception {
        event(e, "Issuer", 0);
        issuers.setString(1, e.issuerId());
        issuers.setString(2, e.name());
        issuers.setString(3, e.url());
        issuers.setString(4, e.email());
        issuers.setObject(5, vendor.bindInstant(e.occurredAt()));
        issuers.setObject(6, vendor.bindInstant(e.occurredAt()));
        issuers.addBatch();
    }

    void badgeClass(BadgeClassDefined e) throws Exception {
        event(e, "BadgeClass", 0);
        badges.setString(1, e.badgeClassId());
        badges.setString(2, e.issuerId());
        badges.setString(3, e.name());
        badges.setString(4, e.description());
        badges.setString(5, e.criteria().narrative());
        badges.setObject(6, vendor.bindInstant(e.occurredAt()));
        badges.setObject(7, vendor.bindInstant(e.occurredAt()));
        badges.addBatch();
    }

    void assertion(AssertionIssued e) throws Exception {
        event(e, "Assertion", 0);
        assertions.setString(1, e.assertionId());
        assertions.setString(2, e.badgeClassId());
        assertions.setString(3, e.issuerId());
        assertions.setString(4, e.recipient().identity());
        assertions.setBoolean(5, true);
        assertions.setString(6, e.recipient().salt());
        assertions.setObject(7, vendor.bindInstant(e.issuedOn()));
        assertions.setBoolean(8, false);
        assertions.addBatch();
        pending++;
    }

    void revocation(AssertionRevoked e) throws Exception {
        event(e, "Assertion", 1);
        revocations.setBoolean(1, true);
        revocations.setString(2, e.reason());
        revocations.setObject(3, vendor.bindInstant(e.occurredAt()));
        revocations.setString(4, e.assertionId());
        revocations.addBatch();
    }

    private void event(BadgeEvent e, String aggregateType, long sequence) throws Exception {
        events.setString(1, UUID.randomUUID().toString());
        events.setString(2, e.aggregateId());
        events.setLong(3, sequence);
        events.setString(4, aggregateType);
        events.setString(5, e.occurredAt().toString());
        events.setString(6, e.getClass().getName());
        events.setBytes(7, json.writeValueAsBytes(e));
        events.setBytes(8, "{}".getBytes(StandardCharsets.UTF_8));
        events.addBatch();
    }

    /** Parents before children: the foreign keys hold at every flush. */
    void flush() throws Exception {
        issuers.executeBatch();
        badges.executeBatch();
        assertions.executeBatch();
        revocations.executeBatch();
        events.executeBatch();
        pending = 0;
    }
}
