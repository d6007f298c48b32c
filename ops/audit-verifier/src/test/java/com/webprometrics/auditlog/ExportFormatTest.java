package com.webprometrics.auditlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The NDJSON written by {@link ExportWriter} reads back through {@link ExportReader} to the same leaves. */
class ExportFormatTest {
    private static final String AGENCY = "agency-x";

    @Test
    void oddStoredBytesRoundTripAndVerify() throws IOException {
        List<byte[]> payloads = List.of(
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                "{\n  \"pretty\": [1, 2],\n  \"text\": \"line\\nbreak\"\n}".getBytes(StandardCharsets.UTF_8),
                new byte[0],
                "<xml>not json</xml>".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1},
                "\"a json string\"".getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8),
                "{\"unicode\":\"ünïcødé \\u2028 😀\"} ".getBytes(StandardCharsets.UTF_8));
        List<EventLeaf> leaves = new ArrayList<>();
        for (int n = 0; n < payloads.size(); n++) {
            leaves.add(new EventLeaf(n + 1, 100 + n, AGENCY, "e" + n, n % 2 == 0 ? "Client" : "", "id-" + n, n,
                    "T", n == 3 ? "7" : null, "2026-12-05T18:00:0" + n + ".000Z", payloads.get(n),
                    payloads.get(payloads.size() - 1 - n)));
        }
        byte[] export = export(leaves);
        String text = new String(export, StandardCharsets.UTF_8);
        assertThat(text.split("\n")).hasSize(leaves.size() + 3);
        assertThat(text).contains("\"payload\":{\"a\":1}", "\"payload\":null", "\"payload\":\"<xml>not json</xml>\"",
                "\"payload\":{\"pretty\":[1,2],\"text\":\"line\\nbreak\"}");

        List<ExportEvent> read = new ArrayList<>();
        ExportReader.read(new ByteArrayInputStream(export), new Capture(read));
        assertThat(read).extracting(ExportEvent::leaf).containsExactlyElementsOf(leaves);
        assertThat(read.get(0).payloadView()).isEqualTo(payloads.get(0));

        Verdict verdict = ExportVerifier.verify(new ByteArrayInputStream(export), List.of(), List.of());
        assertThat(verdict.ok()).as(verdict.summary()).isTrue();
    }

    @Test
    void aReadingViewMustShowTheStoredBytes() {
        byte[] stored = "{\"a\":1,\"b\":[true,null]}".getBytes(StandardCharsets.UTF_8);
        assertThat(ReadingView.matches(stored, stored)).isTrue();
        assertThat(ReadingView.matches(stored, " { \"b\" : [true, null], \"a\" : 1 }".getBytes())).isTrue();
        assertThat(ReadingView.matches(stored, "{\"a\":2,\"b\":[true,null]}".getBytes())).isFalse();
        assertThat(ReadingView.matches(stored, "{\"a\":1}".getBytes())).isFalse();
        assertThat(ReadingView.matches(stored, "not json".getBytes())).isFalse();
        assertThat(ReadingView.matches(new byte[0], "null".getBytes())).isTrue();
        assertThat(ReadingView.matches(new byte[0], "{}".getBytes())).isFalse();
        assertThat(ReadingView.matches("<x/>".getBytes(), "\"<x/>\"".getBytes())).isTrue();
        assertThat(ReadingView.matches("<x/>".getBytes(), "\"<y/>\"".getBytes())).isFalse();
    }

    @Test
    void base64IsDecodedStrictlyFromBytes() {
        Random random = new Random(7);
        for (int length = 0; length < 100; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            byte[] encoded = ("x\"" + Base64.getEncoder().encodeToString(data) + "\"").getBytes();
            assertThat(Base64Bytes.decode(encoded, 2, encoded.length - 3)).isEqualTo(data);
        }
        assertThatThrownBy(() -> Base64Bytes.decode("abc".getBytes(), 0, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base64Bytes.decode("ab-d".getBytes(), 0, 4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base64Bytes.decode("a=bc".getBytes(), 0, 4))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linesThatDoNotFollowTheFormatAreNamedByNumber() throws IOException {
        byte[] export = export(List.of(new EventLeaf(1, 1, AGENCY, "e", "T", "a", 0, "P", null, "t",
                "{}".getBytes(), "{}".getBytes())));
        String[] lines = new String(export, StandardCharsets.UTF_8).split("\n");
        assertThatThrownBy(() -> read(lines[0] + "\n" + lines[1].replace("\"proof\"", "\"proofs\"")))
                .isInstanceOf(ExportFormatException.class).hasMessageStartingWith("line 2: ")
                .hasMessageContaining("unknown field \"proofs\"");
        assertThatThrownBy(() -> read(lines[0] + "\n" + lines[1].replace("\"hash\":\"", "\"hash\":\"!")))
                .isInstanceOf(ExportFormatException.class).hasMessageContaining("leaf.hash is not base64");
        assertThatThrownBy(() -> read(lines[0] + "\n{\"agencySeq\":1}"))
                .isInstanceOf(ExportFormatException.class).hasMessageContaining("no \"position\"")
                .matches(e -> ((ExportFormatException) e).cutShort(), "the last line had no newline");
        assertThatThrownBy(() -> read(lines[1])).isInstanceOf(ExportFormatException.class)
                .hasMessageContaining("not an audit export");
    }

    private static void read(String text) throws IOException {
        ExportReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), new Capture(new ArrayList<>()));
    }

    private static byte[] export(List<EventLeaf> leaves) {
        CheckpointKey key = CheckpointKey.generate();
        MerkleTree tree = MerkleTree.of(leaves.stream().map(EventLeaf::leafHash).toList());
        HeadLeaf head = new HeadLeaf(AGENCY, tree.size(), tree.root());
        MerkleTree log = MerkleTree.of(List.of(head.leafHash()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ExportWriter writer = new ExportWriter(out)) {
            writer.header(ExportHeader.of(AGENCY, 1, leaves.size(), true, null, null, null));
            for (EventLeaf leaf : leaves) {
                writer.event(leaf, tree.inclusionProof(leaf.index(), tree.size()));
            }
            writer.head(new AgencyHead(AGENCY, tree.size(), tree.root(), 0, List.of()));
            writer.checkpoint(key.sign(Checkpoint.of(1, log.root(), Instant.now())), key.publicOnly());
        }
        return out.toByteArray();
    }

    private record Capture(List<ExportEvent> events) implements ExportSink {
        @Override
        public void header(ExportHeader header) {
        }

        @Override
        public void event(ExportEvent event) {
            events.add(event);
        }

        @Override
        public void head(AgencyHead head) {
        }

        @Override
        public void anchor(Anchor anchor) {
        }

        @Override
        public void checkpoint(SignedCheckpoint checkpoint, CheckpointKey publicKey) {
        }
    }
}
