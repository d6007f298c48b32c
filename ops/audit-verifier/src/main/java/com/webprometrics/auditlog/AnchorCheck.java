package com.webprometrics.auditlog;

import com.webprometrics.auditlog.Verdict.Kind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks an export against checkpoints kept outside the database (the sink): each anchored checkpoint's signature,
 * the consistency chain between them, and the export's checkpoint against the last one: the same root at the same
 * size, else the export's anchor line proving the anchored log a prefix of its own, and the agency's head at that
 * time a prefix of the exported events.
 */
final class AnchorCheck {
    private final ExportHeader header;
    private final SignedCheckpoint checkpoint;
    private final Anchor anchor;
    private final MerkleTree prefixTree;
    private final Function<String, CheckpointKey> keyFor;
    private final Findings findings;
    private final List<String> notes;

    /** @param prefixTree the exported events' tree from agencySeq 1 in order, or null when there is none */
    AnchorCheck(ExportHeader header, SignedCheckpoint checkpoint, Anchor anchor, MerkleTree prefixTree,
                Function<String, CheckpointKey> keyFor, Findings findings, List<String> notes) {
        this.header = header;
        this.checkpoint = checkpoint;
        this.anchor = anchor;
        this.prefixTree = prefixTree;
        this.keyFor = keyFor;
        this.findings = findings;
        this.notes = notes;
    }

    void check(List<SinkLine> anchored) {
        if (anchored.isEmpty()) {
            if (anchor != null) {
                if (!Merkle.verifyConsistency(anchor.size(), checkpoint.size(), anchor.consistency(), anchor.root(),
                        checkpoint.root())) {
                    anchorFinding("the anchor line's consistency proof from size " + anchor.size()
                            + " does not verify against the export's checkpoint");
                }
                notes.add("the anchor line (size " + anchor.size() + ") was checked against the export's own"
                        + " checkpoint only; pass --checkpoint to compare with a checkpoint kept outside the database");
            } else {
                notes.add("no anchored checkpoint (--checkpoint): a log rewritten and re-signed with the same key"
                        + " would look intact");
            }
            return;
        }
        Set<SignedCheckpoint> seen = new HashSet<>();
        SignedCheckpoint previous = null;
        for (int i = 0; i < anchored.size(); i++) {
            SinkLine line = anchored.get(i);
            SignedCheckpoint cp = line.checkpoint();
            if (seen.contains(cp)) {
                // the same checkpoint published again: a retry after a sink failed, or an e-mail sent twice (the
                // mail server took it, the database did not record that), whose lines repeat a run of earlier ones
                continue;
            }
            CheckpointKey key = keyFor.apply(cp.keyId());
            if (key == null || !cp.verify(key)) {
                findings.add(Findings.SIGNATURE, Kind.SIGNATURE, "anchored checkpoint " + (i + 1) + " (size "
                        + cp.size() + ") is not signed by " + (key == null ? "a trusted key (it names "
                        + cp.keyId() + ")" : "key " + key.keyId()));
            }
            if (previous != null) {
                checkLink(i + 1, previous, line);
            }
            seen.add(cp);
            previous = cp;
        }
        SignedCheckpoint anchoredCp = previous;
        long size = anchoredCp.size();
        if (size == checkpoint.size()) {
            if (!Hashes.equal(anchoredCp.root(), checkpoint.root())) {
                anchorFinding("a fork: the anchored checkpoint of size " + size + " has root "
                        + ExportVerifier.hex(anchoredCp.root()) + ", the export's has " + ExportVerifier.hex(checkpoint.root()));
            }
            return;
        }
        if (size > checkpoint.size()) {
            anchorFinding("the export's log (size " + checkpoint.size() + ") is older than the anchored checkpoint"
                    + " (size " + size + ")");
            return;
        }
        if (anchor == null || anchor.size() != size) {
            anchorFinding("the export proves no consistency with the anchored checkpoint of size " + size
                    + (anchor == null ? "" : " (its anchor line is for size " + anchor.size() + ")")
                    + ": export again with ?anchor=" + size);
            return;
        }
        if (!Hashes.equal(anchor.root(), anchoredCp.root())) {
            anchorFinding("a fork: the export says the log of size " + size + " had root " + ExportVerifier.hex(anchor.root())
                    + ", the anchored checkpoint says " + ExportVerifier.hex(anchoredCp.root()));
            return;
        }
        if (!Merkle.verifyConsistency(size, checkpoint.size(), anchor.consistency(), anchoredCp.root(),
                checkpoint.root())) {
            anchorFinding("the export's checkpoint (size " + checkpoint.size() + ") is not an extension of the"
                    + " anchored one (size " + size + "): its consistency proof does not verify");
            return;
        }
        checkHead(size);
    }

    private void checkHead(long anchoredSize) {
        AgencyHead before = anchor.head();
        if (before == null) {
            notes.add("the export says agency " + header.agencyId() + " had no head in the anchored checkpoint (size "
                    + anchoredSize + ")");
            return;
        }
        if (!before.agencyId().equals(header.agencyId())) {
            anchorFinding("the anchor's head is agency " + before.agencyId() + "'s");
            return;
        }
        if (before.logIndex() >= anchoredSize) {
            anchorFinding("the anchor's head is leaf " + before.logIndex() + " of the log, not one of the "
                    + anchoredSize + " the anchored checkpoint covers");
            return;
        }
        if (!before.inLog(checkpoint.checkpoint())) {
            anchorFinding("the anchor's head (size " + before.size() + ") is not leaf " + before.logIndex()
                    + " of the checkpoint's log");
            return;
        }
        if (header.complete() && prefixTree != null && prefixTree.size() < before.size()) {
            findings.add(Findings.ANCHOR, Kind.TRUNCATED, "the export holds the agency's " + prefixTree.size()
                    + " events, but it had " + before.size() + " at the anchored checkpoint (size " + anchoredSize
                    + "): events were cut from its tail");
            return;
        }
        if (prefixTree == null || prefixTree.size() < before.size()) {
            notes.add("the agency's head at the anchored checkpoint (size " + before.size() + ") was not compared"
                    + " with the events: " + (header.firstSeq() != 1 ? "the export starts at agencySeq "
                    + header.firstSeq() : "the export does not hold its first " + before.size() + " events"));
            return;
        }
        if (!Hashes.equal(prefixTree.root(before.size()), before.root())) {
            anchorFinding("the agency's first " + before.size() + " events as exported do not rebuild its head at"
                    + " the anchored checkpoint (root " + ExportVerifier.hex(before.root()) + "): its history was rewritten");
        }
    }

    private void checkLink(int number, SignedCheckpoint previous, SinkLine line) {
        SignedCheckpoint cp = line.checkpoint();
        SinkLine.Consistency link = line.consistency();
        if (link == null) {
            if (cp.size() != previous.size() || !Hashes.equal(cp.root(), previous.root())) {
                anchorFinding("anchored checkpoint " + number + " (size " + cp.size() + ") carries no consistency"
                        + " proof from the one before it (size " + previous.size() + ")");
            }
            return;
        }
        if (link.fromSize() != previous.size() || !Hashes.equal(link.fromRoot(), previous.root())) {
            anchorFinding("anchored checkpoint " + number + "'s consistency proof starts from size "
                    + link.fromSize() + " root " + ExportVerifier.hex(link.fromRoot()) + ", not from the one before it (size "
                    + previous.size() + ", root " + ExportVerifier.hex(previous.root()) + ")");
        } else if (!link.verifies(cp)) {
            anchorFinding("anchored checkpoint " + number + " (size " + cp.size() + ") is not an extension of the"
                    + " one before it (size " + previous.size() + "): a fork");
        }
    }

    private void anchorFinding(String reason) {
        findings.add(Findings.ANCHOR, Kind.INCONSISTENT, reason);
    }
}
