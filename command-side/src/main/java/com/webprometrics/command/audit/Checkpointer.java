package com.webprometrics.command.audit;

import com.webprometrics.auditlog.Checkpoint;
import com.webprometrics.auditlog.CompactRange;
import com.webprometrics.auditlog.HeadLeaf;
import com.webprometrics.auditlog.TreeNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Takes a checkpoint: every agency whose tree grew since its last head gets a new head leaf in the global log, and
 * the log's new size and root are signed. Nothing grew, nothing signed. The checkpoint is handed to the sink after
 * the commit ({@link CheckpointPublisher}).
 */
@Component
class Checkpointer {
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX")
            .withZone(java.time.ZoneOffset.UTC);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final CheckpointKeys keys;
    private final Clock clock;

    Checkpointer(JdbcTemplate jdbc, TransactionTemplate tx, CheckpointKeys keys, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.keys = keys;
        this.clock = clock;
    }

    /** @return the size of the checkpoint taken, or 0 when no tree grew */
    long checkpoint() {
        Long size = tx.execute(status -> take());
        return size == null ? 0 : size;
    }

    private long take() {
        Map<String, Object> state = jdbc.queryForMap(
                "SELECT log_size, log_frontier FROM event_store.audit_sealer WHERE id = 1 FOR UPDATE");
        CompactRange log = CompactRange.fromBytes(((Number) state.get("log_size")).longValue(),
                (byte[]) state.get("log_frontier"));
        List<Object[]> heads = new ArrayList<>();
        List<Object[]> nodes = new ArrayList<>();
        List<Object[]> logged = new ArrayList<>();
        jdbc.query("SELECT agency_id, size, frontier FROM event_store.audit_agency WHERE size > logged_size "
                + "ORDER BY agency_id", rs -> {
            String agency = rs.getString(1);
            long agencySize = rs.getLong(2);
            byte[] root = CompactRange.fromBytes(agencySize, rs.getBytes(3)).root();
            long logIndex = log.size();
            for (TreeNode node : log.append(new HeadLeaf(agency, agencySize, root).leafHash())) {
                nodes.add(new Object[] {node.level(), node.index(), node.hash()});
            }
            heads.add(new Object[] {logIndex, agency, agencySize, root});
            logged.add(new Object[] {agencySize, agency});
        });
        if (heads.isEmpty()) {
            return 0;
        }
        jdbc.batchUpdate("INSERT INTO event_store.audit_log_leaf (log_index, agency_id, agency_size, agency_root) "
                + "VALUES (?, ?, ?, ?)", heads);
        jdbc.batchUpdate("INSERT INTO event_store.audit_log_node (level, index, hash) VALUES (?, ?, ?)", nodes);
        jdbc.batchUpdate("UPDATE event_store.audit_agency SET logged_size = ? WHERE agency_id = ?", logged);
        jdbc.update("UPDATE event_store.audit_sealer SET log_size = ?, log_frontier = ? WHERE id = 1",
                log.size(), log.toBytes());
        sign(log.size(), log.root());
        return log.size();
    }

    private void sign(long size, byte[] root) {
        String timestamp = MILLIS.format(Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
        Checkpoint checkpoint = new Checkpoint(Checkpoint.ORIGIN, size, root, timestamp);
        var key = keys.current();
        jdbc.update("INSERT INTO event_store.audit_checkpoint (size, root_hash, signed_at, key_id, public_key, signature) "
                + "VALUES (?, ?, ?, ?, ?, ?)", size, root, timestamp, key.keyId(), key.publicKeyBytes(),
                key.sign(checkpoint.body()));
    }
}
