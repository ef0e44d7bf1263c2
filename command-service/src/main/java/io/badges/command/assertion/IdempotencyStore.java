package io.badges.command.assertion;

import io.badges.persistence.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Remembers the first answer to each (client, Idempotency-Key), in the same transaction as the award. */
@Component
class IdempotencyStore {

    record Entry(String assertionId, String requestHash, String responseBody) {
    }

    private final JdbcClient jdbc;
    private final Database database;

    IdempotencyStore(JdbcClient jdbc, Database database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /** The digest a retry's body is compared with: the same key with another body is a conflict. */
    static String requestHash(String requestBody) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(requestBody.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
