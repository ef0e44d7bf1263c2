package io.badges.command.status;

import io.badges.credentials.BitstringStatusList;
import io.badges.vocabulary.ob3.OpenBadges3;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out the W3C Bitstring Status List entries of OB 3.0 awards: a random free index of the
 * issuer's current list (ids "1", "2", ...; {@value #LIST_BITS} bits each, so one revoked bit says
 * little about whom it belongs to). A list takes new entries up to half its size, then the next list
 * is opened: random draws then hit a free index at least every other try. Runs in the award's
 * transaction, so a refused award leaves no entry.
 */
@Component
public class StatusLists {

    static final int LIST_BITS = BitstringStatusList.MIN_BITS;
    static final int LIST_CAPACITY = LIST_BITS / 2;
    /** Up to this many entries, free indexes are found by trying inserts; above, by reading the used ones once. */
    private static final int PROBE_LIMIT = 8;

    private final JdbcClient client;
    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    StatusLists(JdbcClient client, JdbcTemplate jdbc) {
        this.client = client;
        this.jdbc = jdbc;
    }

    /**
     * Locks the issuer's lists for the rest of the transaction: every allocation of the issuer runs
     * one at a time (on PostgreSQL the UPDATE takes the rows' locks; SQLite has one writer anyway).
     * A first call creates list "1" (unpublished: version 1 > published 0, so the publisher signs it).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(String issuerId) {
        client.sql("""
                INSERT INTO status_list (issuer_id, list_id, size, allocated, version, published_version)
                VALUES (?, '1', ?, 0, 1, 0)
                ON CONFLICT (issuer_id, list_id) DO NOTHING
                """).params(issuerId, LIST_BITS).update();
        client.sql("UPDATE status_list SET allocated = allocated WHERE issuer_id = ?").param(issuerId).update();
    }

    /** One entry per assertion id, in their order; the caller holds {@link #lock}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<OpenBadges3.StatusEntry> allocate(String issuerId, List<String> assertionIds) {
        List<OpenBadges3.StatusEntry> entries = new ArrayList<>(assertionIds.size());
        while (entries.size() < assertionIds.size()) {
            CurrentList list = current(issuerId);
            int free = LIST_CAPACITY - list.allocated();
            if (free <= 0) {
                open(issuerId, Integer.toString(Integer.parseInt(list.listId()) + 1));
                continue;
            }
            List<String> ids = assertionIds.subList(entries.size(), Math.min(assertionIds.size(), entries.size() + free));
            List<Integer> indexes = ids.size() <= PROBE_LIMIT ? probe(issuerId, list, ids) : drawAll(issuerId, list, ids);
            client.sql("UPDATE status_list SET allocated = allocated + ? WHERE issuer_id = ? AND list_id = ?")
                    .params(ids.size(), issuerId, list.listId()).update();
            indexes.forEach(index -> entries.add(new OpenBadges3.StatusEntry(list.listId(), index)));
        }
        return entries;
    }

    private record CurrentList(String listId, int size, int allocated) {
    }

    private CurrentList current(String issuerId) {
        return client.sql("""
                SELECT list_id, size, allocated FROM status_list WHERE issuer_id = ?
                ORDER BY CAST(list_id AS INTEGER) DESC LIMIT 1
                """).param(issuerId)
                .query((rs, n) -> new CurrentList(rs.getString(1), rs.getInt(2), rs.getInt(3))).single();
    }

    private void open(String issuerId, String listId) {
        client.sql("""
                INSERT INTO status_list (issuer_id, list_id, size, allocated, version, published_version)
                VALUES (?, ?, ?, 0, 1, 0)
                """).params(issuerId, listId, LIST_BITS).update();
    }

    /** Few entries: draw, insert unless taken (the primary key says), draw again on a collision. */
    private List<Integer> probe(String issuerId, CurrentList list, List<String> assertionIds) {
        List<Integer> indexes = new ArrayList<>();
        for (String assertionId : assertionIds) {
            int inserted = 0;
            int index = -1;
            while (inserted == 0) {
                index = random.nextInt(list.size());
                inserted = client.sql("""
                        INSERT INTO status_list_entry (issuer_id, list_id, status_index, assertion_id, revoked)
                        VALUES (?, ?, ?, ?, FALSE)
                        ON CONFLICT (issuer_id, list_id, status_index) DO NOTHING
                        """).params(issuerId, list.listId(), index, assertionId).update();
            }
            indexes.add(index);
        }
        return indexes;
    }

    /** Many entries: read the used indexes once, draw among the free ones, insert as one JDBC batch. */
    private List<Integer> drawAll(String issuerId, CurrentList list, List<String> assertionIds) {
        Set<Integer> used = new HashSet<>(client.sql(
                        "SELECT status_index FROM status_list_entry WHERE issuer_id = ? AND list_id = ?")
                .params(issuerId, list.listId()).query(Integer.class).list());
        List<Integer> indexes = new ArrayList<>(assertionIds.size());
        for (int i = 0; i < assertionIds.size(); i++) {
            int index = BitstringStatusList.randomFreeIndex(list.size(), used::contains, random);
            used.add(index);
            indexes.add(index);
        }
        List<Object[]> rows = new ArrayList<>(assertionIds.size());
        for (int i = 0; i < assertionIds.size(); i++) {
            rows.add(new Object[] {issuerId, list.listId(), indexes.get(i), assertionIds.get(i)});
        }
        jdbc.batchUpdate("""
                INSERT INTO status_list_entry (issuer_id, list_id, status_index, assertion_id, revoked)
                VALUES (?, ?, ?, ?, FALSE)
                """, rows);
        return indexes;
    }
}
