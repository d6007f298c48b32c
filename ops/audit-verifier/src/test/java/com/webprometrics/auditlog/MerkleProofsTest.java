package com.webprometrics.auditlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every proof of every tree up to 64 leaves verifies, and nothing near it does. */
class MerkleProofsTest {
    private static final int MAX = 64;
    private static final List<byte[]> LEAVES = new ArrayList<>();
    private static final MerkleTree TREE;

    static {
        for (int n = 0; n < MAX; n++) {
            LEAVES.add(Hashes.leafHash(("leaf " + n).getBytes(StandardCharsets.UTF_8)));
        }
        TREE = MerkleTree.of(LEAVES);
    }

    @Test
    void rootsMatchTheRecursiveDefinition() {
        for (int n = 0; n <= MAX; n++) {
            assertThat(TREE.root(n)).as("size %d", n).isEqualTo(mth(LEAVES.subList(0, n)));
        }
    }

    @Test
    void everyInclusionProofVerifiesAndEveryChangeFails() {
        for (int n = 1; n <= MAX; n++) {
            byte[] root = TREE.root(n);
            for (int m = 0; m < n; m++) {
                List<byte[]> proof = TREE.inclusionProof(m, n);
                assertThat(same(proof, path(m, LEAVES.subList(0, n)))).isTrue();
                assertThat(Merkle.verifyInclusion(LEAVES.get(m), m, n, proof, root)).as("%d of %d", m, n).isTrue();
                for (int p = 0; p < proof.size(); p++) {
                    for (int byteIndex : new int[] {0, 17, 31}) {
                        List<byte[]> changed = flip(proof, p, byteIndex);
                        assertThat(Merkle.verifyInclusion(LEAVES.get(m), m, n, changed, root)).isFalse();
                    }
                }
                for (int other = 0; other < n + 2; other++) {
                    if (other != m) {
                        assertThat(Merkle.verifyInclusion(LEAVES.get(m), other, n, proof, root))
                                .as("leaf %d of %d as index %d", m, n, other).isFalse();
                    }
                }
                for (int size = m + 1; size <= n + 2; size++) {
                    // Another size whose path for m has another length must fail (sn == 0 too early or too late).
                    // One of the same length may pass: it is a true statement about some other tree of that size.
                    if (Proofs.inclusionPath(m, size).size() != proof.size()) {
                        assertThat(Merkle.verifyInclusion(LEAVES.get(m), m, size, proof, root))
                                .as("leaf %d of %d as size %d", m, n, size).isFalse();
                    }
                }
                assertThat(Merkle.verifyInclusion(LEAVES.get((m + 1) % n), m, n, proof, root)).isEqualTo(n == 1);
                assertThat(Merkle.verifyInclusion(LEAVES.get(m), m, n, proof, Hashes.emptyRoot())).isFalse();
            }
        }
    }

    @Test
    void everyConsistencyProofVerifiesAndEveryChangeFails() {
        for (int n = 1; n <= MAX; n++) {
            byte[] root2 = TREE.root(n);
            for (int m = 1; m < n; m++) {
                byte[] root1 = TREE.root(m);
                List<byte[]> proof = TREE.consistencyProof(m, n);
                assertThat(same(proof, subproof(m, LEAVES.subList(0, n), true))).isTrue();
                assertThat(Merkle.verifyConsistency(m, n, proof, root1, root2)).as("%d to %d", m, n).isTrue();
                for (int p = 0; p < proof.size(); p++) {
                    assertThat(Merkle.verifyConsistency(m, n, flip(proof, p, 5), root1, root2)).isFalse();
                }
                assertThat(Merkle.verifyConsistency(m, n, proof, root2, root2)).isFalse();
                assertThat(Merkle.verifyConsistency(m, n, proof, root1, root1)).isFalse();
                for (int otherM = 1; otherM < n; otherM++) {
                    if (otherM != m) {
                        assertThat(Merkle.verifyConsistency(otherM, n, proof, root1, root2))
                                .as("proof %d->%d as %d->%d", m, n, otherM, n).isFalse();
                    }
                }
                for (int size = m + 1; size <= n + 2; size++) {
                    if (Proofs.consistencyPath(m, size).size() != proof.size()) {
                        assertThat(Merkle.verifyConsistency(m, size, proof, root1, root2))
                                .as("proof %d->%d as %d->%d", m, n, m, size).isFalse();
                    }
                }
            }
            assertThat(TREE.consistencyProof(n, n)).isEmpty();
            assertThat(Merkle.verifyConsistency(n, n, List.of(), root2, root2)).isTrue();
        }
    }

    @Test
    void proofsOfTheWrongLengthFail() {
        int n = 13;
        byte[] root = TREE.root(n);
        for (int m = 0; m < n; m++) {
            List<byte[]> proof = TREE.inclusionProof(m, n);
            List<byte[]> longer = new ArrayList<>(proof);
            longer.add(root);
            assertThat(Merkle.verifyInclusion(LEAVES.get(m), m, n, longer, root)).isFalse();
            List<byte[]> padded = new ArrayList<>(proof);
            padded.add(Hashes.emptyRoot());
            assertThat(Merkle.verifyInclusion(LEAVES.get(m), m, n, padded, root)).isFalse();
            assertThat(Merkle.verifyInclusion(LEAVES.get(m), m, n, proof.subList(0, proof.size() - 1), root))
                    .isFalse();
        }
        for (int m = 1; m < n; m++) {
            List<byte[]> proof = TREE.consistencyProof(m, n);
            List<byte[]> longer = new ArrayList<>(proof);
            longer.add(TREE.root(n));
            assertThat(Merkle.verifyConsistency(m, n, longer, TREE.root(m), root)).isFalse();
            assertThat(Merkle.verifyConsistency(m, n, proof.subList(0, proof.size() - 1), TREE.root(m), root))
                    .isFalse();
        }
    }

    /** The immudb advisory's lesson: a proof that reaches the root early must not pass because the root matched. */
    @Test
    void aProofThatEndsBeforeTheRootOrRunsPastItFails() {
        // In a tree of 8, leaf 0's proof [b, H(c,d), H(4..8)]. Stop after two hashes and give the subtree root
        // as the "root": the hashes match, but sn != 0 at the end.
        List<byte[]> proof = TREE.inclusionProof(0, 8);
        byte[] leftHalf = TREE.root(4);
        assertThat(Merkle.verifyInclusion(LEAVES.get(0), 0, 8, proof.subList(0, 2), leftHalf)).isFalse();
        assertThat(Merkle.verifyInclusion(LEAVES.get(0), 0, 4, proof.subList(0, 2), leftHalf)).isTrue();
        // A longer "proof" that hashes on past the root: sn reaches 0 before the path ends.
        List<byte[]> past = new ArrayList<>(proof.subList(0, 2));
        past.add(TREE.perfect(2, 1));
        assertThat(Merkle.verifyInclusion(LEAVES.get(0), 0, 4, past, TREE.root(8))).isFalse();
        // A single-leaf tree takes only the empty proof.
        assertThat(Merkle.verifyInclusion(LEAVES.get(0), 0, 1, List.of(), LEAVES.get(0))).isTrue();
        assertThat(Merkle.verifyInclusion(LEAVES.get(0), 0, 1, List.of(LEAVES.get(1)),
                Hashes.nodeHash(LEAVES.get(0), LEAVES.get(1)))).isFalse();
        // The consistency proof 4 -> 8 is [H(4..8)]; claiming it as 4 -> 4 with roots equal must not pass either.
        List<byte[]> consistency = TREE.consistencyProof(4, 8);
        assertThat(Merkle.verifyConsistency(4, 4, consistency, TREE.root(4), TREE.root(4))).isFalse();
        assertThat(Merkle.verifyConsistency(4, 8, List.of(), TREE.root(4), TREE.root(8))).isFalse();
    }

    @Test
    void edgeCasesOutsideTheRfc() {
        byte[] root = TREE.root(5);
        assertThat(Merkle.verifyConsistency(0, 5, List.of(), Hashes.emptyRoot(), root)).isFalse();
        assertThat(Merkle.verifyConsistency(5, 4, TREE.consistencyProof(4, 5), root, TREE.root(4))).isFalse();
        assertThat(Merkle.verifyConsistency(5, 5, List.of(), root, TREE.root(4))).isFalse();
        assertThat(Merkle.verifyInclusion(LEAVES.get(0), -1, 5, List.of(), root)).isFalse();
        assertThat(Merkle.verifyInclusion(LEAVES.get(0), 0, 0, List.of(), Hashes.emptyRoot())).isFalse();
        assertThat(Merkle.verifyInclusion(new byte[31], 0, 1, List.of(), root)).isFalse();
        assertThat(Merkle.verifyInclusion(LEAVES.get(0), 0, 2, List.of(new byte[33]), root)).isFalse();
        assertThatThrownBy(() -> Proofs.inclusionProof(TREE, 5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Proofs.consistencyProof(TREE, 0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TREE.root(MAX + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    // The RFC's recursive definitions, on lists, as a second computation.

    private static byte[] mth(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return Hashes.emptyRoot();
        }
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return Hashes.nodeHash(mth(leaves.subList(0, k)), mth(leaves.subList(k, leaves.size())));
    }

    private static List<byte[]> path(int m, List<byte[]> leaves) {
        List<byte[]> result = new ArrayList<>();
        if (leaves.size() <= 1) {
            return result;
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        if (m < k) {
            result.addAll(path(m, leaves.subList(0, k)));
            result.add(mth(leaves.subList(k, leaves.size())));
        } else {
            result.addAll(path(m - k, leaves.subList(k, leaves.size())));
            result.add(mth(leaves.subList(0, k)));
        }
        return result;
    }

    private static List<byte[]> subproof(int m, List<byte[]> leaves, boolean complete) {
        List<byte[]> result = new ArrayList<>();
        if (m == leaves.size()) {
            if (!complete) {
                result.add(mth(leaves));
            }
            return result;
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        if (m <= k) {
            result.addAll(subproof(m, leaves.subList(0, k), complete));
            result.add(mth(leaves.subList(k, leaves.size())));
        } else {
            result.addAll(subproof(m - k, leaves.subList(k, leaves.size()), false));
            result.add(mth(leaves.subList(0, k)));
        }
        return result;
    }

    static boolean same(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int n = 0; n < a.size(); n++) {
            if (!java.util.Arrays.equals(a.get(n), b.get(n))) {
                return false;
            }
        }
        return true;
    }

    private static List<byte[]> flip(List<byte[]> proof, int index, int byteIndex) {
        List<byte[]> changed = new ArrayList<>(proof);
        byte[] hash = changed.get(index).clone();
        hash[byteIndex] ^= 0x01;
        changed.set(index, hash);
        return changed;
    }
}
