package io.badges.command.issuer;

import io.badges.command.WriteModel;
import io.badges.events.issuer.IssuerProfileUpdated;
import io.badges.events.issuer.IssuerRegistered;
import io.badges.persistence.Database;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The issuer table of the write model, kept in the command's transaction. */
@Component
@ProcessingGroup(WriteModel.GROUP)
public class IssuerStore implements Issuers, IssuerProfiles {

    private final JdbcClient jdbc;
    private final Database database;

    IssuerStore(JdbcClient jdbc, Database database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    @EventHandler
    void on(IssuerRegistered event) {
        jdbc.sql("""
                INSERT INTO issuer (id, name, url, email, description, image, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(event.issuerId(), event.name(), event.url(), event.email(), event.description(),
                        event.image(), database.bindInstant(event.occurredAt()), database.bindInstant(event.occurredAt()))
                .update();
    }

    @EventHandler
    void on(IssuerProfileUpdated event) {
        jdbc.sql("""
                UPDATE issuer SET name = ?, url = ?, email = ?, description = ?, image = ?, updated_at = ?
                WHERE id = ?
                """)
                .params(event.name(), event.url(), event.email(), event.description(), event.image(),
                        database.bindInstant(event.occurredAt()), event.issuerId())
                .update();
    }

    @Override
    public boolean exists(String issuerId) {
        return jdbc.sql("SELECT count(*) FROM issuer WHERE id = ?").param(issuerId).query(Long.class).single() > 0;
    }

    @Override
    public java.util.Optional<IssuerProfile> profile(String issuerId) {
        return jdbc.sql("SELECT name, url, email, description, image FROM issuer WHERE id = ?").param(issuerId)
                .query((rs, n) -> new IssuerProfile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .optional();
    }
}
