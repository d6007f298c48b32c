package com.webprometrics.query.audit;

import com.webprometrics.auditlog.AgencyHead;
import com.webprometrics.auditlog.Anchor;
import com.webprometrics.auditlog.Checkpoint;
import com.webprometrics.auditlog.CheckpointKey;
import com.webprometrics.auditlog.EventLeaf;
import com.webprometrics.auditlog.ExportEvent;
import com.webprometrics.auditlog.ExportHeader;
import com.webprometrics.auditlog.ExportSink;
import com.webprometrics.auditlog.MerkleTree;
import com.webprometrics.auditlog.Proofs;
import com.webprometrics.auditlog.SignedCheckpoint;
import com.webprometrics.platform.audit.LogNodes;
import com.webprometrics.platform.web.ProblemException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An agency's tamper-evident log as the latest checkpoint holds it, fed line by line into an {@link ExportSink}:
 * the export writes it out, the verification checks it. Events are read from the event store as they are now and
 * proven against the tree as it was sealed ({@code event_store.audit_leaf}), so an edit behind the application's
 * back shows as a broken leaf. Only events the latest checkpoint covers are included.
 */
@Component
class AgencyLog {
    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    AgencyLog(JdbcTemplate jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(2_000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    record Stored(SignedCheckpoint checkpoint, CheckpointKey key) {
    }

    record Head(long logIndex, long size, byte[] root) {
    }

    /** The latest signed checkpoint, if the log was sealed yet. */
    Optional<Stored> latestCheckpoint() {
        return jdbc.query("SELECT size, root_hash, signed_at, key_id, public_key, signature "
                + "FROM event_store.audit_checkpoint ORDER BY size DESC LIMIT 1", (rs, n) -> new Stored(
                new SignedCheckpoint(new Checkpoint(Checkpoint.ORIGIN, rs.getLong(1), rs.getBytes(2), rs.getString(3)),
                        rs.getString(4), rs.getBytes(6)), CheckpointKey.fromPublicKey(rs.getBytes(5))))
                .stream().findFirst();
    }

    /** The agency's last head in the log before {@code logSize}: what a checkpoint of that size holds for it. */
    Optional<Head> headBefore(UUID agencyId, long logSize) {
        return jdbc.query("SELECT log_index, agency_size, agency_root FROM event_store.audit_log_leaf "
                        + "WHERE agency_id = ? AND log_index < ? ORDER BY log_index DESC LIMIT 1",
                (rs, n) -> new Head(rs.getLong(1), rs.getLong(2), rs.getBytes(3)), agencyId.toString(), logSize)
                .stream().findFirst();
    }

    /**
     * Feeds {@code sink} the agency's log as {@code checkpoint} holds it: all of it, or the events stored within
     * [{@code from}, {@code to}); with {@code anchorSize}, also the proof from that earlier checkpoint.
     */
    void feed(UUID agencyId, Stored stored, Head head, Instant from, Instant to, Long anchorSize, ExportSink sink) {
        String agency = agencyId.toString();
        long checkpointSize = stored.checkpoint().size();
        LogNodes log = new LogNodes(jdbc);
        long[] range = range(agency, head.size(), from, to);
        boolean complete = from == null && to == null;
        sink.header(ExportHeader.of(agency, range[0], range[1], complete, text(from), text(to), Instant.now().toString()));
        MerkleTree tree = MerkleTree.of(jdbc.query("SELECT leaf_hash FROM event_store.audit_leaf WHERE agency_id = ? "
                + "AND agency_seq <= ? ORDER BY agency_seq", (rs, n) -> rs.getBytes(1), agency, head.size()));
        readOnly.executeWithoutResult(status -> streaming.query("""
                SELECT l.agency_seq, l.global_index, e.event_identifier, e.type, e.aggregate_identifier,
                       e.sequence_number, e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data
                FROM event_store.audit_leaf l
                JOIN event_store.domain_event_entry e ON e.global_index = l.global_index
                WHERE l.agency_id = ? AND l.agency_seq BETWEEN ? AND ?
                ORDER BY l.agency_seq""", rs -> {
            EventLeaf leaf = new EventLeaf(rs.getLong(1), rs.getLong(2), agency, rs.getString(3), nullToEmpty(rs.getString(4)),
                    rs.getString(5), rs.getLong(6), rs.getString(7), nullToEmpty(rs.getString(8)), rs.getString(9),
                    rs.getBytes(10), rs.getBytes(11) == null ? new byte[0] : rs.getBytes(11));
            sink.event(ExportEvent.of(leaf, tree.inclusionProof(leaf.agencySeq() - 1, head.size())));
        }, agency, range[0], range[1]));
        sink.head(new AgencyHead(agency, head.size(), head.root(), head.logIndex(),
                Proofs.inclusionProof(log, head.logIndex(), checkpointSize)));
        if (anchorSize != null) {
            sink.anchor(anchor(agencyId, log, anchorSize, checkpointSize));
        }
        sink.checkpoint(stored.checkpoint(), stored.key());
        sink.end();
    }

    private Anchor anchor(UUID agencyId, LogNodes log, long anchorSize, long checkpointSize) {
        if (anchorSize < 1 || anchorSize > checkpointSize) {
            throw ProblemException.invalid("anchor must be the size of an earlier checkpoint, between 1 and "
                    + checkpointSize);
        }
        List<byte[]> consistency = anchorSize == checkpointSize ? List.of()
                : Proofs.consistencyProof(log, anchorSize, checkpointSize);
        AgencyHead anchoredHead = headBefore(agencyId, anchorSize).map(h -> new AgencyHead(agencyId.toString(),
                h.size(), h.root(), h.logIndex(), Proofs.inclusionProof(log, h.logIndex(), checkpointSize))).orElse(null);
        return new Anchor(anchorSize, Proofs.root(log, anchorSize), consistency, anchoredHead);
    }

    /** The first and last agencySeq of the range, {1, head} for a complete export. */
    private long[] range(String agency, long headSize, Instant from, Instant to) {
        if (from == null && to == null) {
            return new long[] {1, headSize};
        }
        List<Long> bounds = new ArrayList<>(jdbc.query("""
                SELECT min(l.agency_seq), max(l.agency_seq) FROM event_store.audit_leaf l
                JOIN event_store.domain_event_entry e ON e.global_index = l.global_index
                WHERE l.agency_id = ? AND l.agency_seq <= ?
                  AND e.time_stamp::timestamptz >= coalesce(?::timestamptz, '-infinity')
                  AND e.time_stamp::timestamptz < coalesce(?::timestamptz, 'infinity')""",
                (rs, n) -> List.of(rs.getLong(1), rs.getLong(2)), agency, headSize, text(from), text(to)).get(0));
        return bounds.get(1) == 0 ? new long[] {1, 0} : new long[] {bounds.get(0), bounds.get(1)};
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
