package io.badges.command.issuer;

import io.badges.events.issuer.IssuerKeyAdded;
import io.badges.persistence.Database;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * issuer_key: public key in clear, private key sealed, its algorithm (RS256, Ed25519, ES256); the
 * newest key of an issuer and algorithm signs, older ones stay published so that what they signed verifies.
 */
@Component
public class IssuerKeyStore {

    /** An RS256 key able to sign OB 2.0 assertions, opened from its sealed form for the time of one signature. */
    public record SigningKey(String keyId, RSAPrivateKey privateKey) {
    }

    /** A key of any algorithm, opened from its sealed form. */
    public record OpenedKey(String keyId, String algorithm, PrivateKey privateKey) {
    }

    private final JdbcClient jdbc;
    private final Database database;
    private final KeySealer sealer;

    IssuerKeyStore(JdbcClient jdbc, Database database, KeySealer sealer) {
        this.jdbc = jdbc;
        this.database = database;
        this.sealer = sealer;
    }

    void insert(String keyId, String issuerId, String algorithm, String publicKeyPem, byte[] privateKeyPkcs8,
                Instant at) {
        jdbc.sql("""
                INSERT INTO issuer_key (id, issuer_id, algorithm, public_key_pem, private_key_sealed, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
                .params(keyId, issuerId, algorithm, publicKeyPem, sealer.seal(privateKeyPkcs8), database.bindInstant(at))
                .update();
    }

    public Optional<SigningKey> newestFor(String issuerId) {
        return newest(issuerId, IssuerKeyAdded.RS256)
                .map(key -> new SigningKey(key.keyId(), (RSAPrivateKey) key.privateKey()));
    }

    public Optional<OpenedKey> newest(String issuerId, String algorithm) {
        return jdbc.sql("""
                SELECT id, private_key_sealed FROM issuer_key WHERE issuer_id = ? AND algorithm = ?
                ORDER BY created_at DESC, id DESC LIMIT 1
                """)
                .params(issuerId, algorithm)
                .query((rs, n) -> new OpenedKey(rs.getString(1), algorithm,
                        io.badges.credentials.IssuerKeys.privateKey(sealer.open(rs.getString(2)))))
                .optional();
    }
}
