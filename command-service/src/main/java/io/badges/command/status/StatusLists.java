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
                open(issuerId, next(list));
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

    /** An issuer's list that takes new entries: its id, size in bits and entries handed out. */
    public record CurrentList(String listId, int size, int allocated) {
    }

    /**
     * The list new entries would go to, read without any lock (to sign credentials before the award's
     * transaction); an issuer without lists will get list "1".
     */
    public CurrentList peek(String issuerId) {
        return client.sql("""
                SELECT list_id, size, allocated FROM status_list WHERE issuer_id = ?
                ORDER BY CAST(list_id AS INTEGER) DESC LIMIT 1
                """).param(issuerId)
                .query((rs, n) -> new CurrentList(rs.getString(1), rs.getInt(2), rs.getInt(3))).optional()
                .map(list -> list.allocated() < LIST_CAPACITY ? list : new CurrentList(next(list), LIST_BITS, 0))
                .orElse(new CurrentList("1", LIST_BITS, 0));
    }

    private static String next(CurrentList list) {
        return Integer.toString(Integer.parseInt(list.listId()) + 1);
    }

    /** Random indexes of the list, distinct, none among those read as used now (a guess: {@link #claim} decides). */
    public List<Integer> propose(String issuerId, CurrentList list, int count) {
        Set<Integer> used = count <= PROBE_LIMIT ? new HashSet<>() : usedIndexes(issuerId, list.listId());
        List<Integer> indexes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = BitstringStatusList.randomFreeIndex(list.size(), used::contains, random);
            used.add(index);
            indexes.add(index);
        }
        return indexes;
    }

    /**
     * The entries of these assertions, in their order, keeping the proposed ones (of {@code listId})
     * that are still free, drawing again those that were taken meanwhile; when that list cannot take
     * them all any more, all are allocated afresh. The caller holds {@link #lock} and re-signs the
     * credentials whose entry differs from the one proposed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<OpenBadges3.StatusEntry> claim(String issuerId, String listId, List<String> assertionIds,
                                               List<Integer> proposed) {
        CurrentList list = current(issuerId);
        if (list.allocated() >= LIST_CAPACITY && next(list).equals(listId)) {
            open(issuerId, listId);
            list = new CurrentList(listId, LIST_BITS, 0);
        }
        if (!list.listId().equals(listId) || LIST_CAPACITY - list.allocated() < assertionIds.size()) {
            return allocate(issuerId, assertionIds);
        }
        List<Integer> indexes;
        if (assertionIds.size() <= PROBE_LIMIT) {
            indexes = new ArrayList<>();
            for (int i = 0; i < assertionIds.size(); i++) {
                indexes.add(insertOrRedraw(issuerId, list, assertionIds.get(i), proposed.get(i)));
            }
        } else {
            Set<Integer> used = usedIndexes(issuerId, listId);
            indexes = new ArrayList<>(proposed.size());
            for (int index : proposed) {
                int kept = used.contains(index) ? BitstringStatusList.randomFreeIndex(list.size(), used::contains, random)
                        : index;
                used.add(kept);
                indexes.add(kept);
            }
            insertAll(issuerId, listId, assertionIds, indexes);
        }
        client.sql("UPDATE status_list SET allocated = allocated + ? WHERE issuer_id = ? AND list_id = ?")
                .params(assertionIds.size(), issuerId, listId).update();
        return indexes.stream().map(index -> new OpenBadges3.StatusEntry(listId, index)).toList();
    }

    private Set<Integer> usedIndexes(String issuerId, String listId) {
        return new HashSet<>(client.sql("SELECT status_index FROM status_list_entry WHERE issuer_id = ? AND list_id = ?")
                .params(issuerId, listId).query(Integer.class).list());
    }

    private int insertOrRedraw(String issuerId, CurrentList list, String assertionId, int first) {
        int index = first;
        while (client.sql("""
                INSERT INTO status_list_entry (issuer_id, list_id, status_index, assertion_id, revoked)
                VALUES (?, ?, ?, ?, FALSE)
                ON CONFLICT (issuer_id, list_id, status_index) DO NOTHING
                """).params(issuerId, list.listId(), index, assertionId).update() == 0) {
            index = random.nextInt(list.size());
        }
        return index;
    }

    private void insertAll(String issuerId, String listId, List<String> assertionIds, List<Integer> indexes) {
        List<Object[]> rows = new ArrayList<>(assertionIds.size());
        for (int i = 0; i < assertionIds.size(); i++) {
            rows.add(new Object[] {issuerId, listId, indexes.get(i), assertionIds.get(i)});
        }
        jdbc.batchUpdate("""
                INSERT INTO status_list_entry (issuer_id, list_id, status_index, assertion_id, revoked)
                VALUES (?, ?, ?, ?, FALSE)
                """, rows);
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
            indexes.add(insertOrRedraw(issuerId, list, assertionId, random.nextInt(list.size())));
        }
        return indexes;
    }

    /** Many entries: read the used indexes once, draw among the free ones, insert as one JDBC batch. */
    private List<Integer> drawAll(String issuerId, CurrentList list, List<String> assertionIds) {
        Set<Integer> used = usedIndexes(issuerId, list.listId());
        List<Integer> indexes = new ArrayList<>(assertionIds.size());
        for (int i = 0; i < assertionIds.size(); i++) {
            int index = BitstringStatusList.randomFreeIndex(list.size(), used::contains, random);
            used.add(index);
            indexes.add(index);
        }
        insertAll(issuerId, list.listId(), assertionIds, indexes);
        return indexes;
    }
}
