package io.badges.command.badgeclass;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.command.WriteModel;
import io.badges.events.badgeclass.BadgeClassDefined;
import io.badges.events.badgeclass.BadgeClassImageChanged;
import io.badges.events.badgeclass.BadgeClassUpdated;
import io.badges.events.badgeclass.Criteria;
import io.badges.persistence.Database;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The badge_class table of the write model, kept in the command's transaction. */
@Component
@ProcessingGroup(WriteModel.GROUP)
public class BadgeClassStore implements BadgeClasses, BadgeClassDefinitions {

    /** At most this many badge classes' issuers are remembered; past it the memory starts again. */
    static final int REMEMBERED_ISSUERS = 10_000;

    private final JdbcClient jdbc;
    private final Database database;
    private final ObjectMapper json;
    /**
     * Badge class id to issuer id, read on every award: fixed when the class is defined (nothing updates
     * or deletes it), so a value read once holds; remembered only once the transaction that read it
     * committed, so a class whose definition rolled back is never remembered, and never an absence.
     */
    private final Map<String, String> issuers = new ConcurrentHashMap<>();

    BadgeClassStore(JdbcClient jdbc, Database database, ObjectMapper json) {
        this.jdbc = jdbc;
        this.database = database;
        this.json = json;
    }

    @EventHandler
    void on(BadgeClassDefined event) {
        Criteria criteria = event.criteria();
        jdbc.sql("""
                INSERT INTO badge_class (id, issuer_id, name, description, image, criteria_narrative, criteria_url,
                                         tags, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(event.badgeClassId(), event.issuerId(), event.name(), event.description(), event.image(),
                        criteria.narrative(), criteria.url(), tags(event.tags()),
                        database.bindInstant(event.occurredAt()), database.bindInstant(event.occurredAt()))
                .update();
    }

    @EventHandler
    void on(BadgeClassUpdated event) {
        Criteria criteria = event.criteria();
        jdbc.sql("""
                UPDATE badge_class SET name = ?, description = ?, image = ?, criteria_narrative = ?,
                                       criteria_url = ?, tags = ?, updated_at = ?
                WHERE id = ?
                """)
                .params(event.name(), event.description(), event.image(), criteria.narrative(), criteria.url(),
                        tags(event.tags()), database.bindInstant(event.occurredAt()), event.badgeClassId())
                .update();
    }

    @EventHandler
    void on(BadgeClassImageChanged event) {
        if (!event.hosted()) {
            jdbc.sql("DELETE FROM badge_class_image WHERE badge_class_id = ?").param(event.badgeClassId()).update();
            return;
        }
        jdbc.sql("""
                INSERT INTO badge_class_image (badge_class_id, media_type, image, sha256, updated_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (badge_class_id) DO UPDATE SET media_type = excluded.media_type, image = excluded.image,
                                                           sha256 = excluded.sha256, updated_at = excluded.updated_at
                """)
                .params(event.badgeClassId(), event.mediaType(), event.image(), event.sha256(),
                        database.bindInstant(event.occurredAt()))
                .update();
    }

    @Override
    public Optional<String> issuerOf(String badgeClassId) {
        String remembered = issuers.get(badgeClassId);
        if (remembered != null) {
            return Optional.of(remembered);
        }
        Optional<String> issuer = jdbc.sql("SELECT issuer_id FROM badge_class WHERE id = ?").param(badgeClassId)
                .query(String.class).optional();
        issuer.ifPresent(id -> afterCommit(() -> remember(badgeClassId, id)));
        return issuer;
    }

    private void remember(String badgeClassId, String issuerId) {
        if (issuers.size() >= REMEMBERED_ISSUERS) {
            issuers.clear();
        }
        issuers.put(badgeClassId, issuerId);
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    @Override
    public Optional<BadgeClassDefinition> definition(String badgeClassId) {
        return jdbc.sql("SELECT name, description, image, criteria_narrative, criteria_url FROM badge_class WHERE id = ?")
                .param(badgeClassId)
                .query((rs, n) -> new BadgeClassDefinition(rs.getString(1), rs.getString(2), rs.getString(3),
                        new Criteria(rs.getString(4), rs.getString(5)), List.of()))
                .optional();
    }

    private String tags(List<String> tags) {
        try {
            return json.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
