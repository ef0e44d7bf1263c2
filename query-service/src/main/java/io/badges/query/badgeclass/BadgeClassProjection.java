package io.badges.query.badgeclass;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.events.badgeclass.BadgeClassDefined;
import io.badges.events.badgeclass.BadgeClassUpdated;
import io.badges.persistence.Database;
import io.badges.query.ReadModel;
import io.badges.query.cache.Invalidations;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes badge_class_view (guarded by last_seq) in the processor's transaction;
 * {@link BadgeClassViewStore} reads it.
 */
@Component
@ProcessingGroup(ReadModel.GROUP)
class BadgeClassProjection {

    private final JdbcClient writes;
    private final Database database;
    private final ObjectMapper json;
    private final Invalidations invalidations;

    BadgeClassProjection(JdbcClient writes, Database database, ObjectMapper json, Invalidations invalidations) {
        this.writes = writes;
        this.database = database;
        this.json = json;
        this.invalidations = invalidations;
    }

    @EventHandler
    void on(BadgeClassDefined e, @SequenceNumber long seq) {
        writes.sql("""
                INSERT INTO badge_class_view (id, issuer_id, name, description, image, criteria_narrative,
                                              criteria_url, tags, created_at, updated_at, last_seq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING
                """)
                .params(e.badgeClassId(), e.issuerId(), e.name(), e.description(), e.image(),
                        e.criteria().narrative(), e.criteria().url(), write(e.tags()),
                        database.bindInstant(e.occurredAt()), database.bindInstant(e.occurredAt()), seq)
                .update();
        invalidations.changed(BadgeClassViewStore.CACHE, e.badgeClassId(), seq);
    }

    @EventHandler
    void on(BadgeClassUpdated e, @SequenceNumber long seq) {
        writes.sql("""
                UPDATE badge_class_view SET name = ?, description = ?, image = ?, criteria_narrative = ?,
                                            criteria_url = ?, tags = ?, updated_at = ?, last_seq = ?
                WHERE id = ? AND last_seq < ?
                """)
                .params(e.name(), e.description(), e.image(), e.criteria().narrative(), e.criteria().url(),
                        write(e.tags()), database.bindInstant(e.occurredAt()), seq, e.badgeClassId(), seq)
                .update();
        invalidations.changed(BadgeClassViewStore.CACHE, e.badgeClassId(), seq);
    }

    private String write(List<String> tags) {
        try {
            return json.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
