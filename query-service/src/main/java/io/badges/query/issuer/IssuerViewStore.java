package io.badges.query.issuer;

import io.badges.persistence.Database;
import io.badges.query.cache.Caches;
import io.badges.query.cache.TieredCache;
import io.badges.query.cache.Versioned;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** issuer_view as the API reads it, through the reader pool and the cache; {@link IssuerProjection} writes it. */
@Component
public class IssuerViewStore {

    static final String CACHE = "issuer";

    private final JdbcClient reads;
    private final Database database;
    private final IssuerKeyViewStore keys;
    private final TieredCache<IssuerEntry> cache;

    IssuerViewStore(@Qualifier("reads") JdbcClient reads, Database database, IssuerKeyViewStore keys, Caches caches) {
        this.reads = reads;
        this.database = database;
        this.keys = keys;
        this.cache = caches.create(CACHE, IssuerEntry.class);
    }

    /** Up to {@code limit} ids, any of them: what the start-up warm-up reads ({@link io.badges.query.http.WarmUp}). */
    public List<String> someIds(int limit) {
        return reads.sql("SELECT id FROM issuer_view LIMIT ?").param(limit).query(String.class).list();
    }

    public Optional<IssuerView> find(String id) {
        return entry(id).map(IssuerEntry::view);
    }

    /** The issuer and the ids of its keys, cached together. */
    Optional<IssuerEntry> entry(String id) {
        return cache.get(id, this::load);
    }

    private Optional<Versioned<IssuerEntry>> load(String id) {
        return reads.sql("""
                SELECT id, name, url, email, description, image, created_at, updated_at, last_seq
                FROM issuer_view WHERE id = ?
                """)
                .param(id)
                .query((rs, n) -> Versioned.of(new IssuerView(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), database.readInstant(rs.getObject(7)),
                        database.readInstant(rs.getObject(8))), rs.getLong(9)))
                .optional()
                .map(row -> new Versioned<>(new IssuerEntry(row.value(), keys.keyIdsOf(id)), row.version()));
    }
}
