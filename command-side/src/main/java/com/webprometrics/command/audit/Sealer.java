package com.webprometrics.command.audit;

import com.webprometrics.auditlog.CompactRange;
import com.webprometrics.auditlog.EventLeaf;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives committed events their place in their agency's tree. A pass locks the sealer's row (one sealer at a time,
 * across command sides), then takes, after its cursor, the events of transactions older than every one still running
 * ({@code pg_snapshot_xmin}): all of them are committed or gone for good, so nothing can later appear below the
 * cursor. Positions therefore follow the order in which commits become final, never {@code global_index} (which has
 * gaps and is not commit order). Each event gets the next {@code agencySeq} of its agency and a leaf hash over its
 * stored bytes; the agency's frontier moves on. Runs beside the commands, never inside one.
 */
@Component
class Sealer {
    static final int BATCH = 2_000;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Sealer.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    Sealer(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Seals what is final now, in batches; answers how many events it sealed. */
    int sealAll() {
        int total = 0;
        Pass pass;
        do {
            pass = tx.execute(status -> sealBatch());
            total += pass.sealed();
        } while (pass.read() == BATCH);
        return total;
    }

    /** How many events one pass read after the cursor, and how many of them it sealed (the others were already). */
    private record Pass(int read, int sealed) {
    }

    private Pass sealBatch() {
        // planned for the cursor at hand each time: a generic plan made while the store was small (a sequential scan
        // and a sort) stays cached until the next ANALYZE
        jdbc.execute("SET LOCAL plan_cache_mode = force_custom_plan");
        Map<String, Object> cursor = jdbc.queryForMap("""
                SELECT sealed_tx::text AS tx, sealed_index,
                       coalesce(sealed_tx > pg_snapshot_xmax(pg_current_snapshot()), false) AS backwards
                FROM event_store.audit_sealer WHERE id = 1 FOR UPDATE""");
        if ((Boolean) cursor.get("backwards")) {
            return restartAfterRestore();
        }
        String sealedTx = cursor.get("tx") == null ? "0" : (String) cursor.get("tx");
        long sealedIndex = ((Number) cursor.get("sealed_index")).longValue();
        // the next events in the index's order, each with whether it is sealed already (after a restore the cursor
        // starts over). Filtering those out in the query let the planner sort every event after the cursor instead,
        // and an EXISTS here may be planned as one scan of every leaf: a lookup per event (scalar subquery) stays O(1)
        List<StoredEvent> read = new ArrayList<>();
        List<StoredEvent> events = new ArrayList<>();
        jdbc.query("""
                SELECT e.tx_id::text AS tx, e.global_index, e.event_identifier, e.aggregate_identifier,
                       e.sequence_number, e.type, e.time_stamp, e.payload_type, e.payload_revision, e.payload, e.meta_data,
                       (SELECT l.agency_seq FROM event_store.audit_leaf l
                        WHERE l.global_index = e.global_index) IS NOT NULL AS sealed
                FROM event_store.domain_event_entry e
                WHERE (e.tx_id, e.global_index) > (?::xid8, ?) AND e.tx_id < pg_snapshot_xmin(pg_current_snapshot())
                ORDER BY e.tx_id, e.global_index
                LIMIT ?""", rs -> {
            StoredEvent event = new StoredEvent(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                    rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                    rs.getBytes(10), rs.getBytes(11));
            read.add(event);
            if (!rs.getBoolean(12)) {
                events.add(event);
            }
        }, sealedTx, sealedIndex, BATCH);
        if (read.isEmpty()) {
            return new Pass(0, 0);
        }
        StoredEvent last = read.get(read.size() - 1);
        if (events.isEmpty()) {
            moveCursor(last);
            return new Pass(read.size(), 0);
        }
        Map<String, CompactRange> trees = load(events);
        List<Object[]> leaves = new ArrayList<>(events.size());
        for (StoredEvent event : events) {
            String agency = event.agencyId();
            CompactRange tree = trees.get(agency);
            long agencySeq = tree.size() + 1;
            byte[] hash = new EventLeaf(agencySeq, event.globalIndex(), agency, event.eventId(), nullToEmpty(event.type()),
                    event.aggregateId(), event.sequence(), event.payloadType(), nullToEmpty(event.revision()),
                    event.timestamp(), event.payload(), event.metaData() == null ? new byte[0] : event.metaData())
                    .leafHash();
            tree.append(hash);
            leaves.add(new Object[] {agency, agencySeq, event.globalIndex(), hash});
        }
        jdbc.batchUpdate("INSERT INTO event_store.audit_leaf (agency_id, agency_seq, global_index, leaf_hash) "
                + "VALUES (?, ?, ?, ?)", leaves);
        jdbc.batchUpdate("""
                INSERT INTO event_store.audit_agency (agency_id, size, frontier) VALUES (?, ?, ?)
                ON CONFLICT (agency_id) DO UPDATE SET size = excluded.size, frontier = excluded.frontier""",
                trees.entrySet().stream().map(e -> new Object[] {e.getKey(), e.getValue().size(),
                        e.getValue().toBytes()}).toList());
        moveCursor(last);
        return new Pass(read.size(), events.size());
    }

    private void moveCursor(StoredEvent last) {
        jdbc.update("UPDATE event_store.audit_sealer SET sealed_tx = ?::xid8, sealed_index = ? WHERE id = 1",
                last.txId(), last.globalIndex());
    }

    /**
     * Transaction ids went backwards: the database was restored into another cluster (pg_dump/restore, a new
     * primary), whose ids start low. Events not sealed yet that carry the old cluster's (higher) ids are marked as
     * final (they came with the dump), and the cursor starts over; what was sealed already is skipped by its leaf.
     */
    private Pass restartAfterRestore() {
        int marked = jdbc.update("""
                UPDATE event_store.domain_event_entry e SET tx_id = '1'
                WHERE tx_id >= pg_snapshot_xmax(pg_current_snapshot())
                  AND NOT EXISTS (SELECT 1 FROM event_store.audit_leaf l WHERE l.global_index = e.global_index)""");
        jdbc.update("UPDATE event_store.audit_sealer SET sealed_tx = '0', sealed_index = 0 WHERE id = 1");
        log.warn("Transaction ids went backwards (restored into another PostgreSQL cluster?): the audit sealer starts "
                + "over from the first unsealed event ({} events of the old cluster marked final)", marked);
        return new Pass(BATCH, 0);
    }

    private Map<String, CompactRange> load(List<StoredEvent> events) {
        Map<String, CompactRange> trees = new LinkedHashMap<>();
        String[] agencies = events.stream().map(StoredEvent::agencyId).distinct().toArray(String[]::new);
        Map<String, CompactRange> stored = new HashMap<>();
        jdbc.query("SELECT agency_id, size, frontier FROM event_store.audit_agency WHERE agency_id = ANY (?)",
                rs -> {
                    stored.put(rs.getString(1), CompactRange.fromBytes(rs.getLong(2), rs.getBytes(3)));
                }, (Object) agencies);
        for (String agency : agencies) {
            trees.put(agency, stored.getOrDefault(agency, new CompactRange()));
        }
        return trees;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
