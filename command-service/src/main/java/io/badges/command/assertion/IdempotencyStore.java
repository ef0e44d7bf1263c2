package io.badges.command.assertion;

import io.badges.persistence.Database;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Remembers the first answer to each (client, Idempotency-Key), in the same transaction as the award. */
@Component
class IdempotencyStore {

    /** Written by {@code V6__idempotency_keyed_fingerprint} over the plain digests older versions stored. */
    static final String ERASED = "erased";

    record Entry(String assertionId, String requestHash, String responseBody) {

        /** Whether a request with this fingerprint is the one answered; an erased one can no longer tell. */
        boolean answers(String fingerprint) {
            return requestHash.equals(fingerprint) || requestHash.equals(ERASED);
        }
    }

    private final JdbcClient jdbc;
    private final Database database;
    private final RequestFingerprints fingerprints;

    IdempotencyStore(JdbcClient jdbc, Database database, RequestFingerprints fingerprints) {
        this.jdbc = jdbc;
        this.database = database;
        this.fingerprints = fingerprints;
    }

    /** The fingerprint a retry's body is compared with: the same key with another body is a conflict. */
    String requestHash(String requestBody) {
        return fingerprints.of(requestBody);
    }

    Optional<Entry> find(String clientId, String key) {
        return jdbc.sql("SELECT assertion_id, request_hash, response_body FROM idempotency_key WHERE client_id = ? AND idem_key = ?")
                .params(clientId, key)
                .query((rs, row) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    void remember(String clientId, String key, String requestHash, String assertionId, String responseBody,
                  Instant at) {
        jdbc.sql("""
                INSERT INTO idempotency_key (client_id, idem_key, request_hash, assertion_id, response_body, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
                .params(clientId, key, requestHash, assertionId, responseBody, database.bindInstant(at))
                .update();
    }
}
