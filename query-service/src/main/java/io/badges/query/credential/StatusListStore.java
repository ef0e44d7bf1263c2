package io.badges.query.credential;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.query.cache.Caches;
import io.badges.query.cache.TieredCache;
import io.badges.query.cache.Versioned;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * status_list_view through the cache; {@link CredentialProjection} writes it. The cached version is the
 * list's own {@code version}, which only grows in the table, so a replayed older publication (whose
 * invalidation names a lower version) can never hide the newer list.
 */
@Component
public class StatusListStore {

    static final String CACHE = "status-list";

    /** W3C Bitstring Status List v1.0, credentialSubject.ttl: "If not present, ... 300000". */
    static final long DEFAULT_TTL_MILLIS = 300_000;

    /** A list is about 16 KiB compressed at most for the sizes we issue; few lists per issuer. */
    private static final DataSize L1_BOUND = DataSize.ofMegabytes(16);

    /** By primary key (issuer_id, list_id). */
    public static final String SELECT = """
            SELECT credential, version FROM status_list_view WHERE issuer_id = ? AND list_id = ?""";

    private final JdbcClient reads;
    private final ObjectMapper json;
    private final TieredCache<StatusList> cache;

    StatusListStore(@Qualifier("reads") JdbcClient reads, ObjectMapper json, Caches caches) {
        this.reads = reads;
        this.json = json;
        this.cache = caches.create(CACHE, StatusList.class, StatusList::weight, L1_BOUND);
    }

    /**
     * One cache key per list. The invalidation channel splits its lines on spaces and the key joins two
     * ids with "/": the list id is URL-encoded so that neither can appear in it.
     */
    static String key(String issuerId, String listId) {
        return issuerId + "/" + URLEncoder.encode(listId, StandardCharsets.UTF_8);
    }

    Optional<StatusList> find(String issuerId, String listId) {
        return cache.get(key(issuerId, listId), k -> reads.sql(SELECT).params(issuerId, listId)
                .query((rs, n) -> Versioned.of(statusList(rs.getString(1)), rs.getLong(2)))
                .optional());
    }

    private StatusList statusList(String credential) {
        return new StatusList(credential, Math.max(0, ttlMillis(credential) / 1000), sha256(credential));
    }

    /** credentialSubject.ttl (milliseconds), else the specification's default. */
    private long ttlMillis(String credential) {
        try {
            JsonNode ttl = json.readTree(credential).path("credentialSubject").path("ttl");
            return ttl.canConvertToLong() && ttl.asLong() >= 0 ? ttl.asLong() : DEFAULT_TTL_MILLIS;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored status list is not JSON", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
