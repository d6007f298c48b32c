package com.webprometrics.auditlog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The frontier of an append-only tree: the roots of its perfect subtrees from the left, one per set bit of its
 * size. Enough to append leaves and compute the tree head without the rest of the tree.
 */
public final class CompactRange {
    private final List<byte[]> hashes;
    private long size;

    public CompactRange() {
        this(0, new ArrayList<>());
    }

    private CompactRange(long size, List<byte[]> hashes) {
        this.size = size;
        this.hashes = hashes;
    }

    /** A frontier saved with {@link #toBytes()}, for a tree of {@code size} leaves. */
    public static CompactRange fromBytes(long size, byte[] bytes) {
        if (size < 0 || bytes == null || bytes.length != Long.bitCount(size) * Hashes.SIZE) {
            throw new IllegalArgumentException("a frontier of a tree of " + size + " leaves has "
                    + Long.bitCount(Math.max(size, 0)) + " hashes");
        }
        List<byte[]> hashes = new ArrayList<>();
        for (int offset = 0; offset < bytes.length; offset += Hashes.SIZE) {
            byte[] hash = new byte[Hashes.SIZE];
            System.arraycopy(bytes, offset, hash, 0, Hashes.SIZE);
            hashes.add(hash);
        }
        return new CompactRange(size, hashes);
    }

    public long size() {
        return size;
    }

    /** The frontier's hashes, largest subtree first, concatenated. */
    public byte[] toBytes() {
        byte[] bytes = new byte[hashes.size() * Hashes.SIZE];
        for (int i = 0; i < hashes.size(); i++) {
            System.arraycopy(hashes.get(i), 0, bytes, i * Hashes.SIZE, Hashes.SIZE);
        }
        return bytes;
    }

    /** Appends a leaf; returns the perfect nodes this completed, the leaf itself (level 0) first. */
    public List<TreeNode> append(byte[] leafHash) {
        Hashes.requireHash(leafHash, "a leaf hash");
        List<TreeNode> completed = new ArrayList<>(2);
        byte[] node = leafHash.clone();
        int level = 0;
        long index = size;
        completed.add(new TreeNode(level, index, node));
        while ((index & 1) == 1) {
            byte[] left = hashes.remove(hashes.size() - 1);
            node = Hashes.nodeHash(left, node);
            level++;
            index >>>= 1;
            completed.add(new TreeNode(level, index, node));
        }
        hashes.add(node);
        size++;
        return Collections.unmodifiableList(completed);
    }

    /** {@code MTH} of the leaves appended so far. */
    public byte[] root() {
        if (hashes.isEmpty()) {
            return Hashes.emptyRoot();
        }
        byte[] root = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            root = Hashes.nodeHash(hashes.get(i), root);
        }
        return root.clone();
    }
}
