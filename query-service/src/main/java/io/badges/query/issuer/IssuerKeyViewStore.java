package io.badges.query.issuer;

import io.badges.events.issuer.IssuerKeyAdded;
import io.badges.persistence.Vendor;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** issuer_key_view: every public key an issuer ever published (rotation keeps old ones). */
@Component
public class IssuerKeyViewStore {

    public record KeyView(String id, String issuerId, String publicKeyPem) {
    }

    private final JdbcClient writes;
    private final JdbcClient reads;
    private final Vendor vendor;

    IssuerKeyViewStore(JdbcClient writes, @Qualifier("reads") JdbcClient reads, Vendor vendor) {
        this.writes = writes;
        this.reads = reads;
        this.vendor = vendor;
    }

    void insert(IssuerKeyAdded e) {
        writes.sql("""
                INSERT INTO issuer_key_view (id, issuer_id, public_key_pem, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING
                """)
                .params(e.keyId(), e.issuerId(), e.publicKeyPem(), vendor.bindInstant(e.occurredAt()))
                .update();
    }

    public Optional<KeyView> find(String keyId) {
        return reads.sql("SELECT id, issuer_id, public_key_pem FROM issuer_key_view WHERE id = ?")
                .param(keyId)
                .query((rs, n) -> new KeyView(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    List<String> keyIdsOf(String issuerId) {
        return reads.sql("SELECT id FROM issuer_key_view WHERE issuer_id = ? ORDER BY created_at, id")
                .param(issuerId).query(String.class).list();
    }
}
