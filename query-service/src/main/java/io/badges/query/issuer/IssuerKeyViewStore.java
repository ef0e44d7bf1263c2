package io.badges.query.issuer;

import io.badges.query.cache.Caches;
import io.badges.query.cache.TieredCache;
import io.badges.query.cache.Versioned;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * issuer_key_view, every public key an issuer ever published (rotation keeps old ones), as the API
 * reads it; {@link IssuerProjection} writes it.
 */
@Component
public class IssuerKeyViewStore {

    public record KeyView(String id, String issuerId, String publicKeyPem) {
    }

    static final String CACHE = "issuer-key";

    private final JdbcClient reads;
    private final TieredCache<KeyView> cache;

    IssuerKeyViewStore(@Qualifier("reads") JdbcClient reads, Caches caches) {
        this.reads = reads;
        this.cache = caches.create(CACHE, KeyView.class);
    }

    /** A published key; keys never change, so every stored key has version 1 (see {@link #IMMUTABLE}). */
    public Optional<KeyView> find(String keyId) {
        return cache.get(keyId, id -> reads.sql("SELECT id, issuer_id, public_key_pem FROM issuer_key_view WHERE id = ?")
                .param(id)
                .query((rs, n) -> Versioned.of(new KeyView(rs.getString(1), rs.getString(2), rs.getString(3)),
                        IMMUTABLE))
                .optional());
    }

    /** The "last sequence" of a row that is written once. */
    static final long IMMUTABLE = 0;

    List<String> keyIdsOf(String issuerId) {
        return reads.sql("SELECT id FROM issuer_key_view WHERE issuer_id = ? ORDER BY created_at, id")
                .param(issuerId).query(String.class).list();
    }
}
