package io.badges.query.assertion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.events.assertion.AssertionIssued;
import io.badges.events.assertion.Evidence;
import io.badges.events.assertion.Recipient;
import io.badges.persistence.Database;
import io.badges.query.cache.Caches;
import io.badges.query.cache.TieredCache;
import io.badges.query.cache.Versioned;
import io.badges.query.summary.BadgeClassSummary;
import io.badges.query.summary.IssuerSummary;
import io.badges.query.summary.Summaries;
import io.badges.query.Cursor;
import io.badges.query.Page;
import io.badges.vocabulary.PublicUrls;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * assertion_view as the API reads it, through the reader pool and the cache;
 * {@link AssertionProjection} writes it.
 */
@Component
public class AssertionViewStore {

    private static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() { };

    static final String CACHE = "assertion";

    private final JdbcClient reads;
    private final Database database;
    private final ObjectMapper json;
    private final TieredCache<AssertionView> cache;
    private final Summaries summaries;
    private final PublicUrls urls;

    AssertionViewStore(@Qualifier("reads") JdbcClient reads, Database database, ObjectMapper json, Caches caches,
                       Summaries summaries, PublicUrls urls) {
        this.reads = reads;
        this.database = database;
        this.json = json;
        this.cache = caches.create(CACHE, AssertionView.class);
        this.summaries = summaries;
        this.urls = urls;
    }

    public static final String SELECT = """
            SELECT a.id, a.badge_class_id, b.name, b.image, a.issuer_id, i.name, i.url,
                   a.recipient_type, a.recipient_identity, a.recipient_hashed, a.recipient_salt,
                   a.evidence, a.narrative, a.issued_on, a.expires, a.verification_type,
                   a.revoked, a.revocation_reason, a.revoked_at, a.signature, a.format
            FROM assertion_view a
            LEFT JOIN badge_class_view b ON b.id = a.badge_class_id
            LEFT JOIN issuer_view i ON i.id = a.issuer_id
            """;

    /** Assertions of a badge class, newest first: assertion_view_badge_class_idx; + {@link Cursor#limitClause}. */
    public static final String OF_BADGE_CLASS = SELECT + """
            WHERE a.badge_class_id = ? ORDER BY a.issued_on DESC, a.id DESC""";
    public static final String OF_BADGE_CLASS_AFTER = SELECT + """
            WHERE a.badge_class_id = ? AND (a.issued_on, a.id) < (?, ?)
            ORDER BY a.issued_on DESC, a.id DESC""";

    /** Assertions of a recipient, newest first: index assertion_view_recipient_idx; + {@link Cursor#limitClause}. */
    public static final String OF_RECIPIENT = SELECT + """
            WHERE a.recipient_lookup = ? ORDER BY a.issued_on DESC, a.id DESC""";
    public static final String OF_RECIPIENT_AFTER = SELECT + """
            WHERE a.recipient_lookup = ? AND (a.issued_on, a.id) < (?, ?)
            ORDER BY a.issued_on DESC, a.id DESC""";

    /** Revoked assertions of an issuer: partial index assertion_view_revoked_idx. */
    public static final String REVOKED_OF_ISSUER = """
            SELECT id, revocation_reason FROM assertion_view WHERE issuer_id = ? AND revoked ORDER BY id""";

    boolean badgeClassExists(String badgeClassId) {
        return reads.sql("SELECT count(*) FROM badge_class_view WHERE id = ?").param(badgeClassId)
                .query(Long.class).single() > 0;
    }


    /** Up to {@code limit} ids, any of them: what the start-up warm-up reads ({@link io.badges.query.http.WarmUp}). */
    public List<String> someIds(int limit) {
        return reads.sql("SELECT id FROM assertion_view LIMIT ?").param(limit).query(String.class).list();
    }

    /**
     * The assertion, with its revocation state. Cached without the badge class and issuer summaries,
     * which are cached on their own and added here, so a rename never reaches the cached assertions.
     */
    public Optional<AssertionView> find(String id) {
        if (!cache.enabled()) {
            return reads.sql(SELECT + "WHERE a.id = ?").param(id).query(this::view).optional();
        }
        return cache.get(id, this::load).map(view -> view.with(summaries.badgeClass(view.badgeClass().id()),
                summaries.issuer(view.issuer().id())));
    }

    private Optional<Versioned<AssertionView>> load(String id) {
        return reads.sql("""
                SELECT a.id, a.badge_class_id, NULL, NULL, a.issuer_id, NULL, NULL,
                       a.recipient_type, a.recipient_identity, a.recipient_hashed, a.recipient_salt,
                       a.evidence, a.narrative, a.issued_on, a.expires, a.verification_type,
                       a.revoked, a.revocation_reason, a.revoked_at, a.signature, a.format, a.last_seq
                FROM assertion_view a WHERE a.id = ?
                """)
                .param(id)
                .query((rs, n) -> Versioned.of(view(rs, n), rs.getLong(22)))
                .optional();
    }

    Page<AssertionView> ofBadgeClass(String badgeClassId, Cursor after, int limit) {
        String limitClause = Cursor.limitClause(limit + 1);
        return page(after == null
                ? reads.sql(OF_BADGE_CLASS + limitClause).param(badgeClassId)
                : reads.sql(OF_BADGE_CLASS_AFTER + limitClause).params(badgeClassId, database.bindInstant(after.at()),
                        after.id()), limit);
    }

    Page<AssertionView> ofRecipient(String recipientLookup, Cursor after, int limit) {
        String limitClause = Cursor.limitClause(limit + 1);
        return page(after == null
                ? reads.sql(OF_RECIPIENT + limitClause).param(recipientLookup)
                : reads.sql(OF_RECIPIENT_AFTER + limitClause).params(recipientLookup, database.bindInstant(after.at()),
                        after.id()), limit);
    }

    private Page<AssertionView> page(JdbcClient.StatementSpec statement, int limit) {
        return Page.of(statement.query(this::view).list(), limit, last -> new Cursor(last.issuedOn(), last.id()));
    }

    private AssertionView view(ResultSet rs, int row) throws SQLException {
        String id = rs.getString(1);
        String format = rs.getString(21);
        return new AssertionView(
                rs.getString(1),
                new BadgeClassSummary(rs.getString(2), rs.getString(3), rs.getString(4)),
                new IssuerSummary(rs.getString(5), rs.getString(6), rs.getString(7)),
                new Recipient(rs.getString(8), rs.getString(9), rs.getBoolean(10), rs.getString(11)),
                read(rs.getString(12)), rs.getString(13),
                database.readInstant(rs.getObject(14)), database.readInstant(rs.getObject(15)),
                rs.getString(16), rs.getBoolean(17), rs.getString(18), database.readInstant(rs.getObject(19)),
                rs.getString(20), format, AssertionIssued.OB3.equals(format) ? urls.credential(id) : null);
    }

    /** The revoked assertions of an issuer (id, reason), through the partial index on revoked rows. */
    List<Map.Entry<String, String>> revokedOf(String issuerId) {
        return reads.sql(REVOKED_OF_ISSUER)
                .param(issuerId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2)))
                .list();
    }

    private List<Evidence> read(String evidence) {
        try {
            return json.readValue(evidence, EVIDENCE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
