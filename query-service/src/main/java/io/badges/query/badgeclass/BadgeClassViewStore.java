package io.badges.query.badgeclass;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.events.badgeclass.Criteria;
import io.badges.persistence.Database;
import io.badges.query.cache.Caches;
import io.badges.query.cache.TieredCache;
import io.badges.query.cache.Versioned;
import io.badges.query.summary.IssuerSummary;
import io.badges.query.summary.Summaries;
import io.badges.query.Cursor;
import io.badges.query.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * badge_class_view as the API reads it, through the reader pool and the cache;
 * {@link BadgeClassProjection} writes it.
 */
@Component
public class BadgeClassViewStore {

    private static final TypeReference<List<String>> TAGS = new TypeReference<>() { };

    static final String CACHE = "badge-class";

    private final JdbcClient reads;
    private final Database database;
    private final ObjectMapper json;
    private final TieredCache<BadgeClassView> cache;
    private final Summaries summaries;

    BadgeClassViewStore(@Qualifier("reads") JdbcClient reads, Database database, ObjectMapper json, Caches caches,
                        Summaries summaries) {
        this.reads = reads;
        this.database = database;
        this.json = json;
        this.cache = caches.create(CACHE, BadgeClassView.class);
        this.summaries = summaries;
    }

    private static final String SELECT = """
            SELECT b.id, b.name, b.description, b.image, b.criteria_narrative, b.criteria_url, b.tags,
                   b.created_at, b.updated_at, b.issuer_id, i.name, i.url
            FROM badge_class_view b LEFT JOIN issuer_view i ON i.id = b.issuer_id
            """;

    /** Badge classes of an issuer, oldest first: index badge_class_view_issuer_idx; + {@link Cursor#limitClause}. */
    public static final String OF_ISSUER = SELECT + """
            WHERE b.issuer_id = ? ORDER BY b.created_at, b.id""";
    public static final String OF_ISSUER_AFTER = SELECT + """
            WHERE b.issuer_id = ? AND (b.created_at, b.id) > (?, ?) ORDER BY b.created_at, b.id""";


    /** Up to {@code limit} ids, any of them: what the start-up warm-up reads ({@link io.badges.query.http.WarmUp}). */
    public List<String> someIds(int limit) {
        return reads.sql("SELECT id FROM badge_class_view LIMIT ?").param(limit).query(String.class).list();
    }

    /** The badge class (cached without its issuer's summary, which is cached on its own and added here). */
    public Optional<BadgeClassView> find(String id) {
        if (!cache.enabled()) {
            return reads.sql(SELECT + "WHERE b.id = ?").param(id).query(this::view).optional();
        }
        return cache.get(id, this::load).map(view -> view.with(summaries.issuer(view.issuer().id())));
    }

    private Optional<Versioned<BadgeClassView>> load(String id) {
        return reads.sql("""
                SELECT b.id, b.name, b.description, b.image, b.criteria_narrative, b.criteria_url, b.tags,
                       b.created_at, b.updated_at, b.issuer_id, NULL, NULL, b.last_seq
                FROM badge_class_view b WHERE b.id = ?
                """)
                .param(id)
                .query((rs, n) -> Versioned.of(view(rs, n), rs.getLong(13)))
                .optional();
    }

    boolean issuerExists(String issuerId) {
        return reads.sql("SELECT count(*) FROM issuer_view WHERE id = ?").param(issuerId).query(Long.class).single() > 0;
    }

    public Page<BadgeClassView> ofIssuer(String issuerId, Cursor after, int limit) {
        String limitClause = Cursor.limitClause(limit + 1);
        List<BadgeClassView> rows = (after == null
                ? reads.sql(OF_ISSUER + limitClause).param(issuerId)
                : reads.sql(OF_ISSUER_AFTER + limitClause).params(issuerId, database.bindInstant(after.at()), after.id()))
                .query(this::view).list();
        return Page.of(rows, limit, last -> new Cursor(last.createdAt(), last.id()));
    }

    private BadgeClassView view(ResultSet rs, int row) throws SQLException {
        return new BadgeClassView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                new Criteria(rs.getString(5), rs.getString(6)), read(rs.getString(7)),
                database.readInstant(rs.getObject(8)), database.readInstant(rs.getObject(9)),
                new IssuerSummary(rs.getString(10), rs.getString(11), rs.getString(12)));
    }

    private List<String> read(String tags) {
        try {
            return json.readValue(tags, TAGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
