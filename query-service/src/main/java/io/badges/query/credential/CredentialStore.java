package io.badges.query.credential;

import io.badges.query.cache.Caches;
import io.badges.query.cache.TieredCache;
import io.badges.query.cache.Versioned;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * The signed credentials of OB 3.0 awards (assertion_view.credential / credential_jwt, written by the
 * assertion projection), read through their own cache so that the assertion cache stays small.
 */
@Component
public class CredentialStore {

    static final String CACHE = "credential";

    /** A credential never changes once issued: every stored one has this "last sequence". */
    static final long IMMUTABLE = 0;

    /** A few KiB each: bounded by bytes, like the pictures. */
    private static final DataSize L1_BOUND = DataSize.ofMegabytes(32);

    /** By primary key; an OB 2.0 award has no credential and reads as absent. */
    public static final String SELECT = """
            SELECT credential, credential_jwt FROM assertion_view
            WHERE id = ? AND format = 'ob3' AND credential IS NOT NULL""";

    private final JdbcClient reads;
    private final TieredCache<Credential> cache;

    CredentialStore(@Qualifier("reads") JdbcClient reads, Caches caches) {
        this.reads = reads;
        this.cache = caches.create(CACHE, Credential.class, Credential::weight, L1_BOUND);
    }

    /** Empty: no such award, or an OB 2.0 one. */
    public Optional<Credential> find(String assertionId) {
        return cache.get(assertionId, id -> reads.sql(SELECT).param(id)
                .query((rs, n) -> Versioned.of(new Credential(rs.getString(1), rs.getString(2)), IMMUTABLE))
                .optional());
    }
}
