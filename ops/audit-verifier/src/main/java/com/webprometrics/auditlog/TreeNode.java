package com.webprometrics.auditlog;

import java.util.Arrays;
import java.util.HexFormat;

/** A perfect subtree hash: the node over leaves {@code [index·2^level, (index+1)·2^level)}. */
public record TreeNode(int level, long index, byte[] hash) {
    public TreeNode {
        Hashes.requireHash(hash, "a node");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TreeNode node && node.level == level && node.index == index
                && Arrays.equals(node.hash, hash);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * level + Long.hashCode(index)) + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "TreeNode[" + level + ", " + index + ", " + HexFormat.of().formatHex(hash) + "]";
    }
}
