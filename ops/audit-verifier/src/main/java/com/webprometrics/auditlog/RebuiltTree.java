package com.webprometrics.auditlog;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A complete export's agency tree, rebuilt from its leaves in order, and the check of every exported inclusion proof
 * against it without hashing the proofs: each proof hash is compared, byte for byte, with the rebuilt node it stands
 * for. A node left of the leaf is compared at once; one to its right is held (one per level, since later leaves
 * name the same node until it completes) and compared when the node completes; the tree's partial right edge is
 * compared at the end.
 *
 * <p>The first mismatch names the event to blame: a mismatching single leaf is that leaf modified; any other is the
 * claiming event's proof.
 */
final class RebuiltTree {
    /** The first disagreement: {@code node} (null for a proof of the wrong length) and the event that claimed it. */
    record Mismatch(Subtree node, long claimant, String detail) {
        boolean blamesLeaf() {
            return node != null && node.size() == 1;
        }

        long blamed() {
            return blamesLeaf() ? node.from() : claimant;
        }
    }

    private final long size;
    private final MerkleTree tree = new MerkleTree();
    private final long[] heldIndex = new long[64];
    private final byte[][] heldHash = new byte[64][];
    private final long[] heldBy = new long[64];
    private final Map<Long, byte[]> edgeHash = new HashMap<>();
    private final Map<Long, Long> edgeBy = new HashMap<>();
    private Mismatch first;
    private long mismatches;

    RebuiltTree(long size) {
        this.size = size;
    }

    MerkleTree tree() {
        return tree;
    }

    Mismatch firstMismatch() {
        return first;
    }

    long mismatches() {
        return mismatches;
    }

    /** Adds leaf {@code tree().size()} and checks its proof (null: none given) for a tree of the export's size. */
    void add(byte[] leafHash, List<byte[]> proof) {
        long index = tree.size();
        List<Subtree> path = null;
        if (proof != null) {
            path = Proofs.inclusionPath(index, size);
            if (proof.size() != path.size()) {
                mismatch(null, index, "its inclusion proof has " + proof.size() + " hashes; leaf " + index
                        + " of a tree of " + size + " needs " + path.size());
                path = null;
            }
        }
        if (path != null) {
            for (int j = 0; j < path.size(); j++) {
                Subtree node = path.get(j);
                if (node.to() <= index && !tree.nodeEquals(node.level(), node.index(), proof.get(j))) {
                    mismatch(node, index, "differs from the node rebuilt from the events");
                }
            }
        }
        tree.append(leafHash);
        int completedLevels = Long.numberOfTrailingZeros(~index);
        for (int level = 0; level <= completedLevels; level++) {
            long nodeIndex = index >>> level;
            if (heldHash[level] != null && heldIndex[level] == nodeIndex) {
                if (!tree.nodeEquals(level, nodeIndex, heldHash[level])) {
                    mismatch(new Subtree(nodeIndex << level, (nodeIndex + 1) << level), heldBy[level],
                            "differs from the node rebuilt from the events");
                }
                heldHash[level] = null;
            }
        }
        if (path != null) {
            for (int j = 0; j < path.size(); j++) {
                Subtree node = path.get(j);
                if (node.from() > index) {
                    hold(node, proof.get(j), index);
                }
            }
        }
    }

    /** Compares what is held for the tree's partial right edge, once every leaf is in. */
    void finish() {
        if (tree.size() != size) {
            return;
        }
        for (Map.Entry<Long, byte[]> held : edgeHash.entrySet()) {
            Subtree node = new Subtree(held.getKey(), size);
            if (!Arrays.equals(Proofs.hash(tree, node), held.getValue())) {
                mismatch(node, edgeBy.get(held.getKey()), "differs from the node rebuilt from the events");
            }
        }
    }

    private void hold(Subtree node, byte[] hash, long claimant) {
        if (!node.perfect()) {
            byte[] earlier = edgeHash.putIfAbsent(node.from(), hash);
            if (earlier == null) {
                edgeBy.put(node.from(), claimant);
            } else if (!Arrays.equals(earlier, hash)) {
                mismatch(node, claimant, "disagrees with the proof of leaf " + edgeBy.get(node.from()));
            }
            return;
        }
        int level = node.level();
        if (heldHash[level] != null && heldIndex[level] == node.index()) {
            if (!Arrays.equals(heldHash[level], hash)) {
                mismatch(node, claimant, "disagrees with the proof of leaf " + heldBy[level]);
            }
            return;
        }
        heldIndex[level] = node.index();
        heldHash[level] = hash;
        heldBy[level] = claimant;
    }

    private void mismatch(Subtree node, long claimant, String detail) {
        mismatches++;
        if (first == null) {
            first = new Mismatch(node, claimant, detail);
        }
    }
}
