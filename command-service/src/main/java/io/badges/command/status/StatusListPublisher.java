package io.badges.command.status;

import io.badges.command.issuer.IssuerKeyStore;
import io.badges.command.issuer.PublishStatusList;
import io.badges.credentials.BitstringStatusList;
import io.badges.credentials.DataIntegrity;
import io.badges.events.issuer.IssuerKeyAdded;
import io.badges.vocabulary.ob3.OpenBadges3;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs and publishes the status lists that changed: every list whose {@code version} is ahead of its
 * {@code published_version} (revocations since the last signature, or a list never published yet, so
 * that a list exists before anyone checks a new award). Run every few hundred milliseconds (see
 * {@code badges.status-list-publish-interval}), so a burst of revocations costs one signature per list
 * and tick, not one per revocation. All state is in the database: a restart resumes where it stopped.
 */
@Component
public class StatusListPublisher {

    private static final Logger log = LoggerFactory.getLogger(StatusListPublisher.class);
    /** How long verifiers may cache a list (Bitstring Status List v1.0 {@code ttl}, milliseconds). */
    static final long TTL_MILLIS = 60_000;

    private record Pending(String issuerId, String listId) {
    }

    private final JdbcClient jdbc;
    private final IssuerKeyStore keys;
    private final CommandGateway commands;
    private final OpenBadges3 ob3;
    private final TransactionTemplate transactions;
    private final Clock clock;

    StatusListPublisher(JdbcClient jdbc, IssuerKeyStore keys, CommandGateway commands, OpenBadges3 ob3,
                        TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.commands = commands;
        this.ob3 = ob3;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One pass: publishes every pending list, each in its own transaction; answers how many. */
    public int publishPending() {
        List<Pending> pending = jdbc.sql("SELECT issuer_id, list_id FROM status_list WHERE version > published_version")
                .query((rs, n) -> new Pending(rs.getString(1), rs.getString(2))).list();
        int published = 0;
        for (Pending list : pending) {
            try {
                transactions.executeWithoutResult(status -> publish(list.issuerId(), list.listId()));
                published++;
            } catch (RuntimeException e) {
                // Left pending: the next pass tries again (e.g. a concurrent publisher won the race).
                log.warn("status list {}/{} not published this time: {}", list.issuerId(), list.listId(), e.toString());
            }
        }
        return published;
    }

    /**
     * The version is read before the revoked entries: a revocation committed after that read bumps the
     * version again (another pass signs it), one committed before is among the entries read.
     */
    private void publish(String issuerId, String listId) {
        Map<String, Object> row = jdbc.sql("""
                SELECT size, version FROM status_list WHERE issuer_id = ? AND list_id = ?
                """).params(issuerId, listId).query().singleRow();
        int size = ((Number) row.get("size")).intValue();
        long version = ((Number) row.get("version")).longValue();
        BitstringStatusList bits = new BitstringStatusList(size);
        jdbc.sql("SELECT status_index FROM status_list_entry WHERE issuer_id = ? AND list_id = ? AND revoked = TRUE")
                .params(issuerId, listId).query(Integer.class).list().forEach(index -> bits.set(index, true));
        IssuerKeyStore.OpenedKey key = keys.newest(issuerId, IssuerKeyAdded.ED25519).orElseThrow(() ->
                new IllegalStateException("issuer " + issuerId + " has a status list but no Ed25519 key"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> credential = ob3.statusListCredential(issuerId, listId, bits.encode(), now, null);
        @SuppressWarnings("unchecked")
        Map<String, Object> subject = (Map<String, Object>) credential.get("credentialSubject");
        subject.put("ttl", TTL_MILLIS);
        String signed = DataIntegrity.sign(credential, key.privateKey(), ob3.verificationMethod(issuerId, key.keyId()),
                now);
        commands.sendAndWait(new PublishStatusList(issuerId, listId, version, signed, now));
    }
}
