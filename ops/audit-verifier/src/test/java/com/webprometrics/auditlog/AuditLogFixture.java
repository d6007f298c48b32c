package com.webprometrics.auditlog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A sealer in miniature, built on the library as the server will use it: agencies append events to their own trees,
 * each seal appends the heads of the trees that grew to the global log, signs a checkpoint and appends it to the
 * sink with a consistency proof from the previous one. Exports are written with {@link ExportWriter}.
 */
final class AuditLogFixture {
    final CheckpointKey key;
    final Map<String, List<EventLeaf>> events = new TreeMap<>();
    final Map<String, MerkleTree> trees = new TreeMap<>();
    final MerkleTree log = new MerkleTree();
    final List<HeadLeaf> logLeaves = new ArrayList<>();
    final List<SinkLine> sink = new ArrayList<>();
    private final Map<String, Long> sealed = new LinkedHashMap<>();
    private long position = 1000;
    private Instant clock = Instant.parse("2026-12-05T18:00:00.123Z");

    AuditLogFixture() {
        this(CheckpointKey.generate());
    }

    AuditLogFixture(CheckpointKey key) {
        this.key = key;
    }

    /** Appends {@code count} events to {@code agency}'s tree. */
    AuditLogFixture append(String agency, int count) {
        List<EventLeaf> list = events.computeIfAbsent(agency, a -> new ArrayList<>());
        MerkleTree tree = trees.computeIfAbsent(agency, a -> new MerkleTree());
        for (int n = 0; n < count; n++) {
            long seq = list.size() + 1;
            EventLeaf leaf = event(agency, seq, position += 3);
            list.add(leaf);
            tree.append(leaf.leafHash());
        }
        return this;
    }

    /** Replaces event {@code agencySeq} (an operator rewriting history) and rebuilds that agency's tree. */
    AuditLogFixture rewrite(String agency, long agencySeq, String payloadJson) {
        List<EventLeaf> list = events.get(agency);
        EventLeaf old = list.get((int) agencySeq - 1);
        list.set((int) agencySeq - 1, new EventLeaf(old.agencySeq(), old.position(), agency, old.eventId(),
                old.aggregateType(), old.aggregateId(), old.sequence(), old.payloadType(), old.payloadRevision(),
                old.timestamp(), payloadJson.getBytes(StandardCharsets.UTF_8), old.metaData()));
        MerkleTree tree = new MerkleTree();
        list.forEach(leaf -> tree.append(leaf.leafHash()));
        trees.put(agency, tree);
        sealed.put(agency, -1L);
        return this;
    }

    /** Appends the heads of the trees that grew (agency id order), signs a checkpoint, publishes it to the sink. */
    SignedCheckpoint seal() {
        long previousSize = log.size();
        byte[] previousRoot = log.root();
        for (Map.Entry<String, MerkleTree> entry : trees.entrySet()) {
            long size = entry.getValue().size();
            if (size != sealed.getOrDefault(entry.getKey(), 0L)) {
                HeadLeaf head = new HeadLeaf(entry.getKey(), size, entry.getValue().root());
                logLeaves.add(head);
                log.append(head.leafHash());
                sealed.put(entry.getKey(), size);
            }
        }
        clock = clock.plusSeconds(60);
        SignedCheckpoint checkpoint = key.sign(Checkpoint.of(log.size(), log.root(), clock));
        SinkLine.Consistency consistency = sink.isEmpty() ? null : new SinkLine.Consistency(previousSize,
                previousRoot, log.consistencyProof(previousSize, log.size()));
        sink.add(new SinkLine(checkpoint, consistency));
        return checkpoint;
    }

    SignedCheckpoint latest() {
        return sink.get(sink.size() - 1).checkpoint();
    }

    /** The agency's last head in the first {@code logSize} leaves of the log, proven in the latest checkpoint. */
    AgencyHead head(String agency, long logSize) {
        long cpSize = latest().size();
        for (int index = (int) logSize - 1; index >= 0; index--) {
            HeadLeaf leaf = logLeaves.get(index);
            if (leaf.agencyId().equals(agency)) {
                return new AgencyHead(agency, leaf.size(), leaf.root(), index, log.inclusionProof(index, cpSize));
            }
        }
        return null;
    }

    /** A complete export of the agency at the latest checkpoint. */
    byte[] export(String agency) {
        return export(agency, 0);
    }

    /** A complete export with an anchor line for {@code anchorSize} (0: none). */
    byte[] export(String agency, long anchorSize) {
        AgencyHead head = head(agency, latest().size());
        return write(agency, 1, head.size(), true, head, anchorSize);
    }

    /** The events {@code firstSeq..lastSeq} only. */
    byte[] exportRange(String agency, long firstSeq, long lastSeq) {
        AgencyHead head = head(agency, latest().size());
        return write(agency, firstSeq, lastSeq, false, head, 0);
    }

    /** Writes an export of the agency's current tree (as a sealer whose table was rewritten would). */
    private byte[] write(String agency, long firstSeq, long lastSeq, boolean complete, AgencyHead head,
                         long anchorSize) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SignedCheckpoint checkpoint = latest();
        MerkleTree tree = trees.get(agency);
        try (ExportWriter writer = new ExportWriter(out)) {
            writer.header(ExportHeader.of(agency, firstSeq, lastSeq, complete, "2026-01-01", "2026-12-31",
                    "2026-12-06T09:00:00.000Z"));
            for (long seq = firstSeq; seq <= lastSeq; seq++) {
                writer.event(events.get(agency).get((int) seq - 1), tree.inclusionProof(seq - 1, head.size()));
            }
            writer.head(head);
            if (anchorSize > 0) {
                writer.anchor(new Anchor(anchorSize, log.root(anchorSize),
                        log.consistencyProof(anchorSize, checkpoint.size()), head(agency, anchorSize)));
            }
            writer.checkpoint(checkpoint, key.publicOnly());
        }
        return out.toByteArray();
    }

    String sinkFile() {
        StringBuilder text = new StringBuilder();
        sink.forEach(line -> text.append(line.toJson()).append('\n'));
        return text.toString();
    }

    private static EventLeaf event(String agency, long seq, long position) {
        String aggregate = "client-" + (seq % 7);
        String payload = "{\"clientId\":\"" + aggregate + "\",\"name\":\"Client n\\u00b0" + seq + " \\\"quoted\\\"\","
                + "\"budget\":" + (seq * 12.5) + ",\"tags\":[\"seo\",\"ppc\"],\"owner\":{\"id\":" + seq + "}}";
        String metaData = "{\"traceId\":\"" + UUID.nameUUIDFromBytes((agency + seq).getBytes()) + "\","
                + "\"userId\":\"user-" + (seq % 3) + "\"}";
        return new EventLeaf(seq, position, agency, UUID.nameUUIDFromBytes((agency + "/" + seq).getBytes()).toString(),
                "Client", aggregate, seq / 7, "com.webprometrics.events.ClientUpdated", seq % 5 == 0 ? "2" : null,
                "2026-12-05T17:" + String.format("%02d", seq % 60) + ":00.000Z",
                payload.getBytes(StandardCharsets.UTF_8), metaData.getBytes(StandardCharsets.UTF_8));
    }
}
