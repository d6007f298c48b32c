package com.webprometrics.auditlog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1: tree heads, inclusion proofs and consistency proofs of a tree given by its
 * perfect nodes. Every range the recursion visits is a {@link Subtree}, so its hash is one perfect node or the node
 * hash of its two halves.
 */
public final class Proofs {
    private Proofs() {
    }

    /** {@code MTH(D[0:size])}. */
    public static byte[] root(Nodes nodes, long size) {
        if (size < 0) {
            throw new IllegalArgumentException("negative tree size " + size);
        }
        return size == 0 ? Hashes.emptyRoot() : hash(nodes, new Subtree(0, size));
    }

    /** {@code MTH(D[from:to])} of a subtree the RFC recursion visits. */
    public static byte[] hash(Nodes nodes, Subtree range) {
        if (range.perfect()) {
            if (range.from() % range.size() != 0) {
                throw new IllegalArgumentException(range + " is not aligned to its size");
            }
            return nodes.perfect(range.level(), range.index());
        }
        long k = split(range.size());
        return Hashes.nodeHash(hash(nodes, new Subtree(range.from(), range.from() + k)),
                hash(nodes, new Subtree(range.from() + k, range.to())));
    }

    /** {@code PATH(index, D[size])}, bottom-up. */
    public static List<byte[]> inclusionProof(Nodes nodes, long index, long size) {
        return hashes(nodes, inclusionPath(index, size));
    }

    /** {@code PROOF(m, D[n])}; empty when {@code m == n}. */
    public static List<byte[]> consistencyProof(Nodes nodes, long m, long n) {
        return hashes(nodes, consistencyPath(m, n));
    }

    /** The subtrees whose hashes form {@code PATH(index, D[size])}, bottom-up. */
    public static List<Subtree> inclusionPath(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + size);
        }
        List<Subtree> topDown = new ArrayList<>(64);
        long from = 0;
        long to = size;
        while (to - from > 1) {
            long k = split(to - from);
            if (index < from + k) {
                topDown.add(new Subtree(from + k, to));
                to = from + k;
            } else {
                topDown.add(new Subtree(from, from + k));
                from += k;
            }
        }
        return reversed(topDown);
    }

    /** The subtrees whose hashes form {@code PROOF(m, D[n])} for {@code 0 < m <= n}. */
    public static List<Subtree> consistencyPath(long m, long n) {
        if (m <= 0 || m > n) {
            throw new IllegalArgumentException("no consistency proof from size " + m + " to size " + n);
        }
        List<Subtree> topDown = new ArrayList<>(64);
        long from = 0;
        long to = n;
        boolean complete = true;
        while (true) {
            long size = to - from;
            if (m == size) {
                if (!complete) {
                    topDown.add(new Subtree(from, to));
                }
                return reversed(topDown);
            }
            long k = split(size);
            if (m <= k) {
                topDown.add(new Subtree(from + k, to));
                to = from + k;
            } else {
                topDown.add(new Subtree(from, from + k));
                from += k;
                m -= k;
                complete = false;
            }
        }
    }

    /** The largest power of two smaller than {@code n}, for {@code n > 1}. */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static List<byte[]> hashes(Nodes nodes, List<Subtree> path) {
        List<byte[]> proof = new ArrayList<>(path.size());
        for (Subtree subtree : path) {
            proof.add(hash(nodes, subtree));
        }
        return proof;
    }

    private static List<Subtree> reversed(List<Subtree> topDown) {
        Collections.reverse(topDown);
        return topDown;
    }
}
