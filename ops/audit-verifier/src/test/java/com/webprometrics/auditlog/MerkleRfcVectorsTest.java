package com.webprometrics.auditlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 9162 §2.1.5's seven-leaf example, with the RFC 6962 test data (the leaves Certificate Transparency's and
 * transparency-dev's tests use) as d0..d6: every named node is computed by hand here, the proofs by {@link Proofs}.
 */
class MerkleRfcVectorsTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final List<byte[]> DATA = List.of(hex(""), hex("00"), hex("10"), hex("2021"), hex("3031"),
            hex("40414243"), hex("5051525354555657"), hex("606162636465666768696a6b6c6d6e6f"));

    // Published MTH(D[n]) for n = 1..8 of DATA; checked against the algorithm below, not trusted blindly.
    private static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    // The RFC's figure: a..f the leaves d0..d5, g=H(a,b), h=H(c,d), i=H(e,f), j the leaf d6, k=H(g,h), l=H(i,j).
    private final byte[] a = Hashes.leafHash(DATA.get(0));
    private final byte[] b = Hashes.leafHash(DATA.get(1));
    private final byte[] c = Hashes.leafHash(DATA.get(2));
    private final byte[] d = Hashes.leafHash(DATA.get(3));
    private final byte[] e = Hashes.leafHash(DATA.get(4));
    private final byte[] f = Hashes.leafHash(DATA.get(5));
    private final byte[] j = Hashes.leafHash(DATA.get(6));
    private final byte[] g = Hashes.nodeHash(a, b);
    private final byte[] h = Hashes.nodeHash(c, d);
    private final byte[] i = Hashes.nodeHash(e, f);
    private final byte[] k = Hashes.nodeHash(g, h);
    private final byte[] l = Hashes.nodeHash(i, j);
    private final byte[] root7 = Hashes.nodeHash(k, l);
    private final MerkleTree tree7 = MerkleTree.of(List.of(a, b, c, d, e, f, j));

    @Test
    void emptyTreeAndHashPrefixes() {
        assertThat(HEX.formatHex(Hashes.emptyRoot()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(HEX.formatHex(Hashes.leafHash(new byte[0])))
                .isEqualTo(HEX.formatHex(Hashes.sha256(new byte[] {0})));
        byte[] node = new byte[65];
        node[0] = 1;
        System.arraycopy(a, 0, node, 1, 32);
        System.arraycopy(b, 0, node, 33, 32);
        assertThat(g).isEqualTo(Hashes.sha256(node));
        assertThat(Proofs.root(new MerkleTree(), 0)).isEqualTo(Hashes.emptyRoot());
    }

    @Test
    void theSevenLeafTreeHasTheFiguresRoot() {
        assertThat(tree7.root()).isEqualTo(root7);
        assertThat(new CompactRangeOf(List.of(a, b, c, d, e, f, j)).root()).isEqualTo(root7);
    }

    @Test
    void publishedRootsOfTheRfc6962TestData() {
        List<byte[]> leaves = new ArrayList<>();
        for (int n = 1; n <= DATA.size(); n++) {
            leaves.add(Hashes.leafHash(DATA.get(n - 1)));
            assertThat(HEX.formatHex(MerkleTree.of(leaves).root())).as("MTH(D[%d])", n).isEqualTo(ROOTS.get(n - 1));
        }
    }

    @Test
    void inclusionProofsOfTheFigure() {
        assertProof(Proofs.inclusionProof(tree7, 0, 7), b, h, l);
        assertProof(Proofs.inclusionProof(tree7, 3, 7), c, g, l);
        assertProof(Proofs.inclusionProof(tree7, 4, 7), f, j, k);
        assertProof(Proofs.inclusionProof(tree7, 6, 7), i, k);
        assertThat(Merkle.verifyInclusion(a, 0, 7, List.of(b, h, l), root7)).isTrue();
        assertThat(Merkle.verifyInclusion(d, 3, 7, List.of(c, g, l), root7)).isTrue();
        assertThat(Merkle.verifyInclusion(e, 4, 7, List.of(f, j, k), root7)).isTrue();
        assertThat(Merkle.verifyInclusion(j, 6, 7, List.of(i, k), root7)).isTrue();
    }

    @Test
    void consistencyProofsOfTheFigure() {
        byte[] root3 = Hashes.nodeHash(g, c);
        byte[] root4 = k;
        byte[] root6 = Hashes.nodeHash(k, i);
        assertThat(tree7.root(3)).isEqualTo(root3);
        assertThat(tree7.root(6)).isEqualTo(root6);
        assertProof(Proofs.consistencyProof(tree7, 3, 7), c, d, g, l);
        assertProof(Proofs.consistencyProof(tree7, 4, 7), l);
        assertProof(Proofs.consistencyProof(tree7, 6, 7), i, j, k);
        assertThat(Merkle.verifyConsistency(3, 7, List.of(c, d, g, l), root3, root7)).isTrue();
        assertThat(Merkle.verifyConsistency(4, 7, List.of(l), root4, root7)).isTrue();
        assertThat(Merkle.verifyConsistency(6, 7, List.of(i, j, k), root6, root7)).isTrue();
    }

    @Test
    void theFiguresProofsFailForAnyOtherLeafOrRoot() {
        assertThat(Merkle.verifyInclusion(b, 0, 7, List.of(b, h, l), root7)).isFalse();
        assertThat(Merkle.verifyInclusion(a, 1, 7, List.of(b, h, l), root7)).isFalse();
        // (size 8 has the same path shape for leaf 0, so that would be a true claim about another tree)
        assertThat(Merkle.verifyInclusion(a, 0, 9, List.of(b, h, l), root7)).isFalse();
        assertThat(Merkle.verifyInclusion(a, 0, 4, List.of(b, h, l), root7)).isFalse();
        assertThat(Merkle.verifyInclusion(a, 0, 7, List.of(b, h, l), k)).isFalse();
        assertThat(Merkle.verifyConsistency(3, 7, List.of(c, d, g, l), k, root7)).isFalse();
        assertThat(Merkle.verifyConsistency(4, 7, List.of(l), root7, root7)).isFalse();
        assertThat(Merkle.verifyConsistency(6, 7, List.of(i, j, k), Hashes.nodeHash(k, j), root7)).isFalse();
    }

    private static void assertProof(List<byte[]> actual, byte[]... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int n = 0; n < expected.length; n++) {
            assertThat(actual.get(n)).as("proof hash %d", n).isEqualTo(expected[n]);
        }
    }

    private static byte[] hex(String hex) {
        return HEX.parseHex(hex);
    }

    /** A compact range fed with the same leaves, as a second computation of the root. */
    private static final class CompactRangeOf {
        private final CompactRange range = new CompactRange();

        CompactRangeOf(List<byte[]> leaves) {
            leaves.forEach(range::append);
        }

        byte[] root() {
            return range.root();
        }
    }
}
