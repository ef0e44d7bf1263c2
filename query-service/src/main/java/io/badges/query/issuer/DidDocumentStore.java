package io.badges.query.issuer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.badges.credentials.IssuerKeys;
import io.badges.credentials.Multikey;
import io.badges.events.issuer.IssuerKeyAdded;
import io.badges.query.cache.Caches;
import io.badges.query.cache.TieredCache;
import io.badges.query.cache.Versioned;
import io.badges.vocabulary.ob3.OpenBadges3;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The DID document of each issuer, written once per version and cached as its text. Its version is the
 * issuer's last_seq, which every IssuerKeyAdded raises ({@link IssuerProjection}).
 */
@Component
class DidDocumentStore {

    private static final Logger log = LoggerFactory.getLogger(DidDocumentStore.class);

    static final String CACHE = "issuer-did";

    /** The OB 3.0 keys: RS256 ones sign OB 2.0 assertions and are published as CryptographicKeys. */
    static final String KEYS = """
            SELECT id, public_key_pem, algorithm FROM issuer_key_view
            WHERE issuer_id = ? AND algorithm IN ('Ed25519', 'ES256') ORDER BY created_at, id""";

    /** The document's text: served as it is, so every instance and every request gets the same bytes. */
    record DidDocument(String json) {
    }

    private final JdbcClient reads;
    private final OpenBadges3 documents;
    private final ObjectMapper json;
    private final TieredCache<DidDocument> cache;

    DidDocumentStore(@Qualifier("reads") JdbcClient reads, OpenBadges3 documents, ObjectMapper json, Caches caches) {
        this.reads = reads;
        this.documents = documents;
        this.json = json;
        this.cache = caches.create(CACHE, DidDocument.class);
    }

    /** Empty: no such issuer. An issuer without OB 3.0 keys has a document without methods. */
    Optional<DidDocument> find(String issuerId) {
        return cache.get(issuerId, this::load);
    }

    private Optional<Versioned<DidDocument>> load(String issuerId) {
        Optional<Long> lastSeq = reads.sql("SELECT last_seq FROM issuer_view WHERE id = ?").param(issuerId)
                .query(Long.class).optional();
        if (lastSeq.isEmpty()) {
            return Optional.empty();
        }
        List<OpenBadges3.VerificationKey> keys = new ArrayList<>();
        reads.sql(KEYS).param(issuerId).query((rs, n) -> {
            key(rs.getString(1), rs.getString(2), rs.getString(3)).ifPresent(keys::add);
            return null;
        }).list();
        try {
            return Optional.of(Versioned.of(new DidDocument(json.writeValueAsString(
                    documents.didDocument(issuerId, keys))), lastSeq.get()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ed25519 as a Multikey (what eddsa-rdfc-2022 proofs name), ES256 as a JsonWebKey (VC-JWT kid). */
    private static Optional<OpenBadges3.VerificationKey> key(String keyId, String pem, String algorithm) {
        try {
            PublicKey key = IssuerKeys.publicKey(IssuerKeys.fromPem(pem));
            return Optional.of(IssuerKeyAdded.ED25519.equals(algorithm)
                    ? OpenBadges3.VerificationKey.multikey(keyId, Multikey.encode(key))
                    : OpenBadges3.VerificationKey.jsonWebKey(keyId, IssuerKeys.publicJwk(key, null)));
        } catch (IllegalArgumentException e) {
            // one unreadable key must not take the issuer's other keys offline
            log.warn("issuer key {} ({}) is not a usable public key, left out of the DID document: {}", keyId,
                    algorithm, e.getMessage());
            return Optional.empty();
        }
    }
}
