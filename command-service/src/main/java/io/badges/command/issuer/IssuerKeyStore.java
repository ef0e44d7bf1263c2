package io.badges.command.issuer;

import io.badges.persistence.Database;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** issuer_key: public key in clear, private key sealed; the newest key of an issuer signs. */
@Component
public class IssuerKeyStore {

    /** A key able to sign, opened from its sealed form for the time of one signature. */
    public record SigningKey(String keyId, RSAPrivateKey privateKey) {
    }

    private final JdbcClient jdbc;
    private final Database database;
    private final KeySealer sealer;

    IssuerKeyStore(JdbcClient jdbc, Database database, KeySealer sealer) {
        this.jdbc = jdbc;
        this.database = database;
        this.sealer = sealer;
    }

    void insert(String keyId, String issuerId, String publicKeyPem, byte[] privateKeyPkcs8, Instant at) {
        jdbc.sql("""
                INSERT INTO issuer_key (id, issuer_id, public_key_pem, private_key_sealed, created_at)
                VALUES (?, ?, ?, ?, ?)
                """)
                .params(keyId, issuerId, publicKeyPem, sealer.seal(privateKeyPkcs8), database.bindInstant(at))
                .update();
    }

    public Optional<SigningKey> newestFor(String issuerId) {
        return jdbc.sql("""
                SELECT id, private_key_sealed FROM issuer_key WHERE issuer_id = ?
                ORDER BY created_at DESC, id DESC LIMIT 1
                """)
                .param(issuerId)
                .query((rs, n) -> new SigningKey(rs.getString(1), privateKey(sealer.open(rs.getString(2)))))
                .optional();
    }

    private static RSAPrivateKey privateKey(byte[] pkcs8) {
        try {
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored issuer key is not an RSA key", e);
        }
    }
}
