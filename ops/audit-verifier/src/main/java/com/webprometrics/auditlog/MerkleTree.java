package com.webprometrics.auditlog;

import java.util.Arrays;
import java.util.List;

/**
 * An in-memory tree of leaf hashes that keeps every perfect node, one flat array per level: appending a leaf
 * computes the nodes it completes, so a tree of n leaves costs n-1 node hashes and about 64·n bytes. For exports and
 * verification; the server keeps its nodes in a table instead.
 */
public final class MerkleTree implements Nodes {
    private final byte[][] levels = new byte[64][];
    private final int[] counts = new int[64];
    private int height;
    private long size;

    public MerkleTree() {
    }

    public static MerkleTree of(List<byte[]> leafHashes) {
        MerkleTree tree = new MerkleTree();
        for (byte[] leafHash : leafHashes) {
            tree.append(leafHash);
        }
        return tree;
    }

    public long size() {
        return size;
    }

    /** Appends a leaf hash and computes the perfect nodes it completes. */
    public void append(byte[] leafHash) {
        Hashes.requireHash(leafHash, "a leaf hash");
        if (size >= Integer.MAX_VALUE / Hashes.SIZE) {
            throw new IllegalStateException("an in-memory tree holds at most " + Integer.MAX_VALUE / Hashes.SIZE
                    + " leaves");
        }
        byte[] node = leafHash;
        int level = 0;
        long index = size;
        while (true) {
            put(level, node);
            if ((index & 1) == 0) {
                break;
            }
            node = Hashes.nodeHash(at(level, index - 1), node);
            level++;
            index >>>= 1;
        }
        size++;
    }

    @Override
    public byte[] perfect(int level, long index) {
        requireNode(level, index);
        return at(level, index);
    }

    /** Whether the perfect node {@code (level, index)} is complete and equals {@code hash}, without copying it. */
    public boolean nodeEquals(int level, long index, byte[] hash) {
        if (hash == null || hash.length != Hashes.SIZE || level < 0 || level >= height || index < 0
                || index >= counts[level]) {
            return false;
        }
        int from = (int) index * Hashes.SIZE;
        return Arrays.equals(levels[level], from, from + Hashes.SIZE, hash, 0, Hashes.SIZE);
    }

    public byte[] root() {
        return Proofs.root(this, size);
    }

    public byte[] root(long prefixSize) {
        if (prefixSize > size) {
            throw new IllegalArgumentException("the tree has " + size + " leaves, not " + prefixSize);
        }
        return Proofs.root(this, prefixSize);
    }

    public List<byte[]> inclusionProof(long index, long treeSize) {
        requirePrefix(treeSize);
        return Proofs.inclusionProof(this, index, treeSize);
    }

    public List<byte[]> consistencyProof(long m, long n) {
        requirePrefix(n);
        return Proofs.consistencyProof(this, m, n);
    }

    private void requirePrefix(long treeSize) {
        if (treeSize > size) {
            throw new IllegalArgumentException("the tree has " + size + " leaves, not " + treeSize);
        }
    }

    private void requireNode(int level, long index) {
        if (level < 0 || level >= height || index < 0 || index >= counts[level]) {
            throw new IllegalArgumentException("no complete node (" + level + ", " + index + ") in a tree of "
                    + size + " leaves");
        }
    }

    private byte[] at(int level, long index) {
        int from = (int) index * Hashes.SIZE;
        return Arrays.copyOfRange(levels[level], from, from + Hashes.SIZE);
    }

    private void put(int level, byte[] node) {
        if (level == height) {
            levels[level] = new byte[Hashes.SIZE * 16];
            height++;
        }
        byte[] array = levels[level];
        int offset = counts[level] * Hashes.SIZE;
        if (offset + Hashes.SIZE > array.length) {
            long grown = Math.min((long) array.length * 2, (long) Integer.MAX_VALUE / Hashes.SIZE * Hashes.SIZE);
            array = Arrays.copyOf(array, (int) grown);
            levels[level] = array;
        }
        System.arraycopy(node, 0, array, offset, Hashes.SIZE);
        counts[level]++;
    }
}
