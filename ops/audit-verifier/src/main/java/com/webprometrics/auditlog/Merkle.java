package com.webprometrics.auditlog;

import java.util.List;

/**
 * RFC 9162 §2.1.3.2 and §2.1.4.2 proof verification, step by step as the RFC writes it, including the final
 * {@code sn == 0} that rejects proofs too long or too short for the tree.
 *
 * <p>Outside the RFC's preconditions: a consistency proof between equal sizes holds only when it is empty and the
 * roots are equal, and one from the empty tree (size 0) is rejected, since it proves nothing and no checkpoint here
 * has size 0.
 */
public final class Merkle {
    private Merkle() {
    }

    public static boolean verifyInclusion(byte[] leafHash, long index, long size, List<byte[]> proof, byte[] root) {
        if (index < 0 || size <= 0 || index >= size || !isHash(leafHash) || !isHash(root) || !allHashes(proof)) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = Hashes.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = Hashes.nodeHash(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return sn == 0 && Hashes.equal(r, root);
    }

    public static boolean verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
        if (size1 <= 0 || size2 < size1 || !isHash(root1) || !isHash(root2) || !allHashes(proof)) {
            return false;
        }
        if (size1 == size2) {
            return proof.isEmpty() && Hashes.equal(root1, root2);
        }
        if (proof.isEmpty()) {
            return false;
        }
        boolean prependFirst = Long.bitCount(size1) == 1;
        int length = proof.size() + (prependFirst ? 1 : 0);
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        byte[] fr = prependFirst ? root1 : proof.get(0);
        byte[] sr = fr;
        for (int i = 1; i < length; i++) {
            byte[] c = proof.get(prependFirst ? i - 1 : i);
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = Hashes.nodeHash(c, fr);
                sr = Hashes.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = Hashes.nodeHash(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        return Hashes.equal(fr, root1) && Hashes.equal(sr, root2) && sn == 0;
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == Hashes.SIZE;
    }

    private static boolean allHashes(List<byte[]> proof) {
        if (proof == null) {
            return false;
        }
        for (byte[] p : proof) {
            if (!isHash(p)) {
                return false;
            }
        }
        return true;
    }
}
