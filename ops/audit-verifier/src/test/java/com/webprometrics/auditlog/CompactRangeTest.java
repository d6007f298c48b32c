package com.webprometrics.auditlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactRangeTest {
    @Test
    void rootAndCompletedNodesMatchTheWholeTreeAtEverySize() {
        MerkleTree tree = new MerkleTree();
        CompactRange range = new CompactRange();
        List<TreeNode> allCompleted = new ArrayList<>();
        assertThat(range.root()).isEqualTo(Hashes.emptyRoot());
        for (int n = 0; n < 300; n++) {
            byte[] leaf = Hashes.leafHash(new byte[] {(byte) n, (byte) (n >> 8)});
            tree.append(leaf);
            List<TreeNode> completed = range.append(leaf);
            allCompleted.addAll(completed);
            assertThat(range.size()).isEqualTo(n + 1);
            assertThat(range.root()).as("size %d", n + 1).isEqualTo(tree.root());
            assertThat(completed.get(0)).isEqualTo(new TreeNode(0, n, leaf));
            for (TreeNode node : completed) {
                assertThat(node.hash()).isEqualTo(tree.perfect(node.level(), node.index()));
            }
            // the nodes it completed are exactly those whose last leaf is this one
            assertThat(completed).hasSize(Long.numberOfTrailingZeros(~(long) n) + 1);
        }
        // and over all appends, every perfect node of the tree exactly once
        long perfectNodes = 0;
        for (int level = 0; (300 >> level) > 0; level++) {
            perfectNodes += 300 >> level;
        }
        assertThat(allCompleted).hasSize((int) perfectNodes).doesNotHaveDuplicates();
    }

    @Test
    void savedAndRestoredItAppendsOnTheSameWay() {
        CompactRange range = new CompactRange();
        MerkleTree tree = new MerkleTree();
        for (int n = 0; n < 77; n++) {
            byte[] leaf = Hashes.leafHash(new byte[] {(byte) n});
            range.append(leaf);
            tree.append(leaf);
            CompactRange restored = CompactRange.fromBytes(range.size(), range.toBytes());
            assertThat(restored.toBytes()).hasSize(Long.bitCount(n + 1) * 32);
            assertThat(restored.root()).isEqualTo(range.root());
            range = restored;
        }
        assertThat(range.root()).isEqualTo(tree.root());
        assertThatThrownBy(() -> CompactRange.fromBytes(5, new byte[32])).isInstanceOf(IllegalArgumentException.class);
    }
}
