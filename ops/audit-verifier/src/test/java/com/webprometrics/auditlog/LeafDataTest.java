package com.webprometrics.auditlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The leaf bytes, spelled out field by field as the design writes them. */
class LeafDataTest {
    @Test
    void anEventLeaf() {
        byte[] payload = "{\"name\":\"Acme\"}".getBytes(StandardCharsets.UTF_8);
        byte[] metaData = "{}".getBytes(StandardCharsets.UTF_8);
        EventLeaf leaf = new EventLeaf(3, 991, "agency-1", "e-1", "Client", "c-1", 0, "ClientCreated", null,
                "2026-12-05T18:00:00.123Z", payload, metaData);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes("wpm/audit/event/v1\n".getBytes(StandardCharsets.UTF_8));
        expected.writeBytes(new byte[] {0, 0, 0, 0, 0, 0, 0, 3});
        expected.writeBytes(new byte[] {0, 0, 0, 0, 0, 0, 3, (byte) 0xDF});
        str(expected, "agency-1");
        str(expected, "e-1");
        str(expected, "Client");
        str(expected, "c-1");
        expected.writeBytes(new byte[8]);
        str(expected, "ClientCreated");
        str(expected, "");
        str(expected, "2026-12-05T18:00:00.123Z");
        bytes(expected, payload);
        bytes(expected, metaData);
        assertThat(leaf.leafData()).isEqualTo(expected.toByteArray());
        assertThat(leaf.leafHash()).isEqualTo(Hashes.leafHash(expected.toByteArray()));
        // the global index is committed too: an event moved to another position is another leaf
        EventLeaf elsewhere = new EventLeaf(3, 5, "agency-1", "e-1", "Client", "c-1", 0, "ClientCreated", "",
                "2026-12-05T18:00:00.123Z", payload, metaData);
        assertThat(elsewhere.leafHash()).isNotEqualTo(leaf.leafHash());
    }

    @Test
    void aHeadLeaf() {
        byte[] root = Hashes.emptyRoot();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes("wpm/audit/head/v1\n".getBytes(StandardCharsets.UTF_8));
        str(expected, "agency-ü");
        expected.writeBytes(new byte[] {0, 0, 0, 0, 0, 0, 1, 0});
        expected.writeBytes(root);
        assertThat(new HeadLeaf("agency-ü", 256, root).leafData()).isEqualTo(expected.toByteArray());
    }

    @Test
    void everyFieldIsCommitted() {
        byte[] p = {'{', '}'};
        EventLeaf base = new EventLeaf(1, 1, "a", "e", "T", "id", 2, "P", "1", "t", p, p);
        byte[] hash = base.leafHash();
        assertThat(new EventLeaf(2, 1, "a", "e", "T", "id", 2, "P", "1", "t", p, p).leafHash()).isNotEqualTo(hash);
        assertThat(new EventLeaf(1, 2, "a", "e", "T", "id", 2, "P", "1", "t", p, p).leafHash()).isNotEqualTo(hash);
        assertThat(new EventLeaf(1, 1, "b", "e", "T", "id", 2, "P", "1", "t", p, p).leafHash()).isNotEqualTo(hash);
        assertThat(new EventLeaf(1, 1, "a", "f", "T", "id", 2, "P", "1", "t", p, p).leafHash()).isNotEqualTo(hash);
        assertThat(new EventLeaf(1, 1, "a", "e", "U", "id", 2, "P", "1", "t", p, p).leafHash()).isNotEqualTo(hash);
        assertThat(new EventLeaf(1, 1, "a", "e", "T", "ie", 2, "P", "1", "t", p, p).leafHash()).isNotEqualTo(hash);
        assertThat(new EventLeaf(1, 1, "a", "e", "T", "id", 3, "P", "1", "t", p, p).leafHash()).isNotEqualTo(hash);
        assertThat(new EventLeaf(1, 1, "a", "e", "T", "id", 2, "Q", "1", "t", p, p).leafHash()).isNotEqualTo(hash);
        assertThat(new EventLeaf(1, 1, "a", "e", "T", "id", 2, "P", "2", "t", p, p).leafHash()).isNotEqualTo(hash);
        assertThat(new EventLeaf(1, 1, "a", "e", "T", "id", 2, "P", "1", "u", p, p).leafHash()).isNotEqualTo(hash);
        byte[] q = {'[', ']'};
        assertThat(new EventLeaf(1, 1, "a", "e", "T", "id", 2, "P", "1", "t", q, p).leafHash()).isNotEqualTo(hash);
        assertThat(new EventLeaf(1, 1, "a", "e", "T", "id", 2, "P", "1", "t", p, q).leafHash()).isNotEqualTo(hash);
        // lengths keep fields apart: moving a byte from one string to the next changes the leaf
        assertThat(new EventLeaf(1, 1, "ae", "", "T", "id", 2, "P", "1", "t", p, p).leafHash())
                .isNotEqualTo(new EventLeaf(1, 1, "a", "e", "T", "id", 2, "P", "1", "t", p, p).leafHash());
    }

    private static void str(ByteArrayOutputStream out, String value) {
        bytes(out, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(new byte[] {(byte) (value.length >>> 24), (byte) (value.length >>> 16),
                (byte) (value.length >>> 8), (byte) value.length});
        out.writeBytes(value);
    }
}
