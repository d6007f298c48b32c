package com.webprometrics.auditlog;

import com.webprometrics.auditlog.SequenceCheck.Anomaly;
import com.webprometrics.auditlog.Verdict.Finding;
import com.webprometrics.auditlog.Verdict.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks an export as the design's table says, fed line by line by {@link ExportReader} or in-process by the server:
 * each leaf recomputed from the stored bytes, the reading views against those bytes, the {@code agencySeq}
 * sequence, every inclusion proof, the head in the checkpoint's log, the checkpoint's signature (with a pinned key,
 * else the export's own), and consistency with checkpoints anchored outside the database.
 *
 * <p>A complete export's tree is rebuilt once and its proofs compared byte for byte with it ({@link RebuiltTree});
 * a partial export's proofs are kept until the head arrives and then verified with the RFC 9162 steps.
 */
public final class ExportVerifier implements ExportSink {
    /** Out-of-order events of a complete export whose proofs are kept; only a broken export has any. */
    private static final int MAX_HELD = 200_000;

    private enum Stage { START, EVENTS, HEAD, ANCHOR, CHECKPOINT }

    /** An event's leaf hash and proof kept for later; the proof's hashes in one array (null when none was given). */
    private record HeldProof(int streamIndex, long agencySeq, byte[] leafHash, byte[] proofHashes) {
        static HeldProof of(int streamIndex, long agencySeq, byte[] leafHash, List<byte[]> proof) {
            if (proof == null) {
                return new HeldProof(streamIndex, agencySeq, leafHash, null);
            }
            byte[] flat = new byte[proof.size() * Hashes.SIZE];
            for (int i = 0; i < proof.size(); i++) {
                byte[] hash = proof.get(i);
                if (hash == null || hash.length != Hashes.SIZE) {
                    return new HeldProof(streamIndex, agencySeq, leafHash, new byte[1]);
                }
                System.arraycopy(hash, 0, flat, i * Hashes.SIZE, Hashes.SIZE);
            }
            return new HeldProof(streamIndex, agencySeq, leafHash, flat);
        }

        List<byte[]> proof() {
            if (proofHashes == null) {
                return null;
            }
            if (proofHashes.length % Hashes.SIZE != 0) {
                return List.of(new byte[0]);
            }
            List<byte[]> proof = new ArrayList<>(proofHashes.length / Hashes.SIZE);
            for (int offset = 0; offset < proofHashes.length; offset += Hashes.SIZE) {
                proof.add(Arrays.copyOfRange(proofHashes, offset, offset + Hashes.SIZE));
            }
            return proof;
        }
    }

    private final Map<String, CheckpointKey> pinned = new LinkedHashMap<>();
    private final List<SinkLine> anchored;
    private final Findings findings = new Findings();
    private final List<String> notes = new ArrayList<>();

    private Stage stage = Stage.START;
    private ExportHeader header;
    private AgencyHead head;
    private Anchor anchor;
    private SignedCheckpoint checkpoint;
    private CheckpointKey embeddedKey;
    private Verdict verdict;

    private final LongArray seqs = new LongArray();
    private final LongArray positions = new LongArray();
    private final BitSet modified = new BitSet();
    private boolean inOrder = true;
    private MerkleTree prefixTree;
    private RebuiltTree rebuilt;
    private final List<HeldProof> held = new ArrayList<>();
    private final TreeMap<Long, HeldProof> waiting = new TreeMap<>();
    private final LongArray leafStreamIndex = new LongArray();
    private long heldDropped;

    /** Trusts the export's own key; no anchored checkpoint. */
    public ExportVerifier() {
        this(List.of(), List.of());
    }

    /**
     * @param pinnedKeys the published checkpoint keys to trust (empty: trust the key the export carries)
     * @param anchored checkpoints held outside the database, oldest first (a sink file's lines); may be empty
     */
    public ExportVerifier(Collection<CheckpointKey> pinnedKeys, List<SinkLine> anchored) {
        for (CheckpointKey key : pinnedKeys) {
            pinned.put(key.keyId(), key.publicOnly());
        }
        this.anchored = List.copyOf(anchored);
    }

    /** Reads and checks one export stream. */
    public static Verdict verify(InputStream export, Collection<CheckpointKey> pinnedKeys, List<SinkLine> anchored)
            throws IOException {
        ExportVerifier verifier = new ExportVerifier(pinnedKeys, anchored);
        try {
            ExportReader.read(export, verifier);
        } catch (ExportFormatException e) {
            verifier.unreadable(e);
        }
        return verifier.verdict();
    }

    /** Records that the export could not be read past {@code e}'s line, and ends the verification. */
    public void unreadable(ExportFormatException e) {
        if (e.cutShort()) {
            findings.add(Findings.STRUCTURE, Kind.TRUNCATED, "the export ends in the middle of line " + e.line()
                    + ": the file was cut short");
        } else {
            findings.add(Findings.STRUCTURE, Kind.MALFORMED, e.getMessage());
        }
        end();
    }

    /** The outcome; available after {@link #end()}. */
    public Verdict verdict() {
        if (verdict == null) {
            throw new IllegalStateException("the export has not ended");
        }
        return verdict;
    }

    @Override
    public void header(ExportHeader h) {
        if (stage != Stage.START) {
            structure("a second export header");
            return;
        }
        stage = Stage.EVENTS;
        header = h;
        if (!ExportHeader.FORMAT.equals(h.format())) {
            structure("the export's format is \"" + h.format() + "\", not " + ExportHeader.FORMAT);
        }
        if (h.firstSeq() < 1 || h.lastSeq() < h.firstSeq() - 1 || (h.complete() && h.firstSeq() != 1)) {
            structure("the header's range firstSeq " + h.firstSeq() + ", lastSeq " + h.lastSeq()
                    + (h.complete() ? " (complete)" : "") + " is not a range of an agency's events");
            return;
        }
        if (h.firstSeq() == 1) {
            if (h.complete()) {
                rebuilt = new RebuiltTree(h.lastSeq());
                prefixTree = rebuilt.tree();
            } else {
                prefixTree = new MerkleTree();
            }
        }
    }

    @Override
    public void event(ExportEvent event) {
        if (stage != Stage.EVENTS) {
            structure(stage == Stage.START ? "an event before the export header" : "an event after the head line");
            return;
        }
        EventLeaf leaf = event.leaf();
        int index = seqs.size();
        seqs.add(leaf.agencySeq());
        positions.add(leaf.position());
        if (!leaf.agencyId().equals(header.agencyId())) {
            modified(index, leaf, "the event is agency " + leaf.agencyId() + "'s, the export is "
                    + header.agencyId() + "'s");
        }
        byte[] leafHash = leaf.leafHash();
        if (event.leafHash() != null && !Hashes.equal(event.leafHash(), leafHash)) {
            modified(index, leaf, "leaf.hash is not the hash of the event's fields and stored bytes: a field or"
                    + " the stored bytes (leaf.payload, leaf.metaData) were changed");
        }
        if (event.payloadView() != null && !ReadingView.matches(leaf.payload(), event.payloadView())) {
            modified(index, leaf, "payload differs from the stored bytes in leaf.payload");
        }
        if (event.metaDataView() != null && !ReadingView.matches(leaf.metaData(), event.metaDataView())) {
            modified(index, leaf, "metaData differs from the stored bytes in leaf.metaData");
        }
        inOrder = inOrder && leaf.agencySeq() == header.firstSeq() + index;
        if (rebuilt != null) {
            toTree(index, leaf.agencySeq(), leafHash, event.proof());
            return;
        }
        if (inOrder && prefixTree != null && leaf.agencySeq() <= header.lastSeq()) {
            prefixTree.append(leafHash);
        }
        if (event.proof() == null) {
            modified(index, leaf, "an event of a partial export has no inclusion proof");
        } else {
            held.add(HeldProof.of(index, leaf.agencySeq(), leafHash, event.proof()));
        }
    }

    /**
     * Adds a complete export's events to the rebuilt tree by {@code agencySeq}: one that comes early waits in a small
     * buffer until its turn, so a swap does not stop the tree; a repeat, or one out of range, keeps its proof for
     * the RFC check at the end.
     */
    private void toTree(int streamIndex, long seq, byte[] leafHash, List<byte[]> proof) {
        long next = rebuilt.tree().size() + 1;
        if (seq == next && seq <= header.lastSeq()) {
            addToTree(streamIndex, leafHash, proof);
            while (!waiting.isEmpty() && waiting.firstKey() == rebuilt.tree().size() + 1) {
                HeldProof early = waiting.pollFirstEntry().getValue();
                addToTree(early.streamIndex(), early.leafHash(), early.proof());
            }
        } else if (seq > next && seq <= header.lastSeq() && !waiting.containsKey(seq)
                && waiting.size() < MAX_HELD) {
            waiting.put(seq, HeldProof.of(streamIndex, seq, leafHash, proof));
        } else if (proof != null && held.size() < MAX_HELD) {
            held.add(HeldProof.of(streamIndex, seq, leafHash, proof));
        } else if (proof != null) {
            heldDropped++;
        }
    }

    private void addToTree(int streamIndex, byte[] leafHash, List<byte[]> proof) {
        leafStreamIndex.add(streamIndex);
        rebuilt.add(leafHash, proof);
    }

    @Override
    public void head(AgencyHead h) {
        if (stage != Stage.EVENTS) {
            structure(stage == Stage.START ? "a head line before the export header" : "a second head line");
            return;
        }
        stage = Stage.HEAD;
        head = h;
    }

    @Override
    public void anchor(Anchor a) {
        if (stage != Stage.HEAD) {
            structure("an anchor line " + (stage == Stage.ANCHOR ? "twice" : "not right after the head line"));
            return;
        }
        stage = Stage.ANCHOR;
        anchor = a;
    }

    @Override
    public void checkpoint(SignedCheckpoint cp, CheckpointKey publicKey) {
        if (stage == Stage.START || stage == Stage.CHECKPOINT) {
            structure(stage == Stage.START ? "a checkpoint before the export header" : "a second checkpoint line");
            return;
        }
        stage = Stage.CHECKPOINT;
        checkpoint = cp;
        embeddedKey = publicKey;
    }

    @Override
    public void end() {
        if (verdict != null) {
            return;
        }
        if (header == null) {
            structure("not an audit export: no {\"export\":…} header");
        } else {
            checkStructure();
            checkProofs();
            checkSequence();
            if (checkpoint != null) {
                checkSignature();
                if (head != null) {
                    checkHead();
                }
                checkAnchors();
            }
        }
        verdict = buildVerdict();
    }

    private void checkStructure() {
        long last = seqs.size() == 0 ? header.firstSeq() - 1 : seqs.get(seqs.size() - 1);
        if (head == null && checkpoint == null) {
            findings.add(Findings.STRUCTURE, Kind.TRUNCATED, "the export ends after agencySeq " + last
                    + " without its head and checkpoint lines");
        } else if (head == null) {
            findings.add(Findings.STRUCTURE, Kind.TRUNCATED, "the export has no head line");
        } else if (checkpoint == null) {
            findings.add(Findings.STRUCTURE, Kind.TRUNCATED, "the checkpoint line is missing");
        }
        if (head != null && !head.agencyId().equals(header.agencyId())) {
            findings.add(Findings.HEAD, Kind.HEAD, "the head is agency " + head.agencyId() + "'s, the export is "
                    + header.agencyId() + "'s");
        }
        if (checkpoint != null && !Checkpoint.ORIGIN.equals(checkpoint.checkpoint().origin())) {
            structure("the checkpoint's origin is \"" + checkpoint.checkpoint().origin() + "\", not "
                    + Checkpoint.ORIGIN);
        }
    }

    private void checkSequence() {
        long upper;
        String upperName;
        if (head == null) {
            upper = header.lastSeq();
            upperName = "the export's lastSeq";
        } else if (header.complete() || head.size() < header.lastSeq()) {
            upper = head.size();
            upperName = "the head's size";
        } else {
            upper = header.lastSeq();
            upperName = "the export's lastSeq";
        }
        long[] all = seqs.toArray();
        long[] at = positions.toArray();
        for (Anomaly anomaly : SequenceCheck.check(all, at, header.firstSeq(), upper, upperName)) {
            int where = anomaly.streamIndex();
            String reason = anomaly.reason();
            if (anomaly.earlier() >= 0 && modified.get(anomaly.earlier()) && !modified.get(where)) {
                where = anomaly.earlier();
                reason += "; the one at position " + at[where] + " is not the committed event";
            }
            Long position = where < at.length && anomaly.kind() != Kind.MISSING
                    && anomaly.kind() != Kind.TRUNCATED ? at[where] : null;
            findings.add(Findings.EVENTS, 2L * where, anomaly.kind(), position, anomaly.agencySeq(), reason);
        }
        if (head != null && header.complete() && header.lastSeq() != head.size()) {
            findings.add(Findings.EVENTS, Long.MAX_VALUE, Kind.MALFORMED, null, null, "the complete export's"
                    + " header says lastSeq " + header.lastSeq() + " but its head has size " + head.size());
        }
    }

    private void checkProofs() {
        if (head == null) {
            return;
        }
        if (rebuilt != null) {
            if (header.lastSeq() != head.size()) {
                return;
            }
            rebuilt.finish();
            RebuiltTree.Mismatch mismatch = rebuilt.firstMismatch();
            boolean complete = rebuilt.tree().size() == head.size();
            if (mismatch != null) {
                int index = (int) leafStreamIndex.get((int) mismatch.blamed());
                String more = rebuilt.mismatches() > 1 ? " (" + (rebuilt.mismatches() - 1) + " other proof hash(es)"
                        + " disagree too)" : "";
                if (mismatch.blamesLeaf()) {
                    eventFinding(index, "its leaf is not the one the other events' inclusion proofs commit to:"
                            + " its fields or stored bytes were changed" + more);
                } else {
                    eventFinding(index, "its inclusion proof's hash for " + describe(mismatch.node()) + " "
                            + mismatch.detail() + more);
                }
            } else if (complete && !Hashes.equal(rebuilt.tree().root(), head.root())) {
                if (head.size() == 1) {
                    eventFinding((int) leafStreamIndex.get(0), "its leaf does not hash to the head's root");
                } else {
                    findings.add(Findings.TREE, 0, Kind.MODIFIED, null, null, "the events rebuild the root "
                            + hex(rebuilt.tree().root()) + " but the head commits to " + hex(head.root())
                            + ": events were changed and their proofs recomputed");
                }
            }
            held.addAll(waiting.values());
        }
        if (heldDropped > 0) {
            notes.add("the inclusion proofs of " + heldDropped + " event(s) out of order were not checked");
        }
        for (HeldProof proof : held) {
            if (proof.agencySeq() < 1 || proof.agencySeq() > head.size() || proof.proofHashes() == null) {
                continue;
            }
            if (!Merkle.verifyInclusion(proof.leafHash(), proof.agencySeq() - 1, head.size(), proof.proof(),
                    head.root())) {
                eventFinding(proof.streamIndex(), "its leaf and inclusion proof do not lead to the head's root: its"
                        + " fields, stored bytes or proof were changed");
            }
        }
    }

    private void checkSignature() {
        CheckpointKey key = keyFor(checkpoint.keyId());
        if (!pinned.isEmpty() && key == null) {
            findings.add(Findings.SIGNATURE, Kind.SIGNATURE, "the checkpoint is signed by key "
                    + checkpoint.keyId() + ", which is not the pinned key (" + String.join(", ", pinned.keySet())
                    + ")");
            return;
        }
        if (key == null) {
            findings.add(Findings.SIGNATURE, Kind.SIGNATURE, embeddedKey == null
                    ? "the export carries no public key and none was pinned (--key)"
                    : "the checkpoint names key " + checkpoint.keyId() + " but the export carries key "
                    + embeddedKey.keyId());
            return;
        }
        if (!checkpoint.verify(key)) {
            findings.add(Findings.SIGNATURE, Kind.SIGNATURE, "the checkpoint's signature (size "
                    + checkpoint.size() + ") does not verify with key " + key.keyId());
        }
        if (pinned.isEmpty()) {
            notes.add("no key was pinned (--key): the checkpoint was checked with the key the export carries ("
                    + key.keyId() + "); pin the published key to rule out a re-signed export");
        }
    }

    private void checkHead() {
        if (!head.inLog(checkpoint.checkpoint())) {
            findings.add(Findings.HEAD, Kind.HEAD, "the head (size " + head.size() + ", root " + hex(head.root())
                    + ") is not leaf " + head.logIndex() + " of the checkpoint's log of size " + checkpoint.size());
        }
    }

    private void checkAnchors() {
        new AnchorCheck(header, checkpoint, anchor, prefixTree != null && (rebuilt != null || inOrder) ? prefixTree
                : null, this::keyFor, findings, notes).check(anchored);
    }

    private Verdict buildVerdict() {
        long count = seqs.size();
        String agency = header == null ? null : header.agencyId();
        if (findings.dropped() > 0) {
            notes.add(findings.dropped() + " further finding(s) not listed");
        }
        Finding first = findings.first();
        if (first == null) {
            long last = count == 0 ? 0 : seqs.get((int) count - 1);
            Long lastPosition = count == 0 ? null : positions.get((int) count - 1);
            StringBuilder summary = new StringBuilder("intact: ").append(count).append(" events, agency ")
                    .append(agency).append(", checkpoint size ").append(checkpoint.size()).append(" signed by key ")
                    .append(checkpoint.keyId());
            if (!header.complete()) {
                summary.append(" (partial export: agencySeq ").append(header.firstSeq()).append("..")
                        .append(header.lastSeq()).append(" of the head's ").append(head.size()).append(')');
            }
            if (!anchored.isEmpty()) {
                summary.append(", consistent with the anchored checkpoint of size ")
                        .append(anchored.get(anchored.size() - 1).checkpoint().size());
            }
            return new Verdict(true, agency, count, last, lastPosition, null, null, null, null, List.of(),
                    List.copyOf(notes), summary.toString());
        }
        long upTo = 0;
        Long upToPosition = null;
        if (findings.firstIsEventLevel() && first.agencySeq() != null && header != null) {
            upTo = Math.max(header.firstSeq() - 1, Math.min(first.agencySeq() - 1, header.lastSeq()));
            for (int i = 0; i < count; i++) {
                if (seqs.get(i) == upTo) {
                    upToPosition = positions.get(i);
                    break;
                }
            }
        }
        return new Verdict(false, agency, count, upTo, upToPosition, first.kind(), first.position(),
                first.agencySeq(), first.reason(), findings.all(), List.copyOf(notes), tampered(first));
    }

    private static String tampered(Finding first) {
        StringBuilder line = new StringBuilder("TAMPERED (").append(first.kind().label()).append(')');
        if (first.position() != null) {
            line.append(" at position ").append(first.position());
            if (first.agencySeq() != null) {
                line.append(" (agencySeq ").append(first.agencySeq()).append(')');
            }
        } else if (first.agencySeq() != null) {
            line.append(" at agencySeq ").append(first.agencySeq());
        }
        return line.append(": ").append(first.reason()).toString();
    }

    private CheckpointKey keyFor(String keyId) {
        if (!pinned.isEmpty()) {
            return pinned.get(keyId);
        }
        return embeddedKey != null && embeddedKey.keyId().equals(keyId) ? embeddedKey : null;
    }

    private void modified(int streamIndex, EventLeaf leaf, String reason) {
        if (modified.get(streamIndex)) {
            return;
        }
        modified.set(streamIndex);
        findings.add(Findings.EVENTS, 2L * streamIndex + 1, Kind.MODIFIED, leaf.position(), leaf.agencySeq(),
                reason);
    }

    /** A MODIFIED finding for the event at {@code streamIndex}, unless one was already recorded for it. */
    private void eventFinding(int streamIndex, String reason) {
        if (modified.get(streamIndex)) {
            return;
        }
        modified.set(streamIndex);
        findings.add(Findings.EVENTS, 2L * streamIndex + 1, Kind.MODIFIED, positions.get(streamIndex),
                seqs.get(streamIndex), reason);
    }

    private void structure(String reason) {
        findings.add(Findings.STRUCTURE, Kind.MALFORMED, reason);
    }

    private String describe(Subtree node) {
        long first = header.firstSeq() + node.from();
        long last = header.firstSeq() + node.to() - 1;
        return first == last ? "agencySeq " + first : "agencySeq " + first + ".." + last;
    }

    static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash, 0, 8) + "…";
    }
}
