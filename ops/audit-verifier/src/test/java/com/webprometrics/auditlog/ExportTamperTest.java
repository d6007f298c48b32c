package com.webprometrics.auditlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A valid export made with the library, then tampered with one way at a time: the offline verifier ({@link Main})
 * must exit 1 and name each tamper, and exit 0 for the untouched export.
 */
class ExportTamperTest {
    private static final String A = "agency-a";
    private static AuditLogFixture log;
    private static byte[] export;
    private static long checkpointSize;

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
        String summary() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    @BeforeAll
    static void sealSomeHistory() {
        log = new AuditLogFixture();
        log.append(A, 20).append("agency-b", 5).seal();
        log.append(A, 15).append("agency-c", 9).seal();
        log.append("agency-b", 3).seal();
        log.append(A, 15).append("agency-c", 1).seal();
        export = log.export(A);
        checkpointSize = log.latest().size();
    }

    @Test
    void theUntouchedExportIsIntact() throws IOException {
        Result result = verify(export);
        assertThat(result.exit()).isZero();
        assertThat(result.summary()).isEqualTo("intact: 50 events, agency agency-a, checkpoint size "
                + checkpointSize + " signed by key " + log.key.keyId());
        assertThat(result.out()).contains("note: no key was pinned");

        Result pinned = verify(export, "--key", file("key.json", log.key.toJwkJson()),
                "--checkpoint", file("sink.ndjson", log.sinkFile()));
        assertThat(pinned.exit()).as(pinned.out()).isZero();
        assertThat(pinned.summary()).endsWith("consistent with the anchored checkpoint of size " + checkpointSize);
        assertThat(pinned.out()).doesNotContain("note:");
    }

    @Test
    void aPayloadChangedOnlyWhereItIsReadIsCaught() throws IOException {
        byte[] tampered = editEvent(export, 17, e -> ((ObjectNode) e.get("payload")).put("budget", 1.0));
        assertNamed(verify(tampered), "modified", 17, "payload differs from the stored bytes");
    }

    @Test
    void storedBytesChangedAreCaught() throws IOException {
        byte[] tampered = editEvent(export, 17, e -> setStored(e, "payload", payloadWith(e, "budget", 1.0)));
        assertNamed(verify(tampered), "modified", 17, "leaf.hash");
    }

    @Test
    void aPayloadChangedEverywhereWithItsLeafHashRecomputedIsCaughtByTheTree() throws IOException {
        for (long seq : new long[] {1, 2, 17, 18, 32, 49, 50}) {
            byte[] tampered = editEvent(export, seq, e -> {
                String changed = payloadWith(e, "budget", 1.0);
                e.set("payload", Json.MAPPER.readTree(changed));
                setStored(e, "payload", changed);
                rehash(e);
            });
            Result result = verify(tampered);
            assertNamed(result, "modified", seq, "the other events' inclusion proofs commit to");
            assertThat(result.out()).doesNotContain("TAMPERED (head)");
        }
    }

    @Test
    void changedMetadataIsCaught() throws IOException {
        byte[] tampered = editEvent(export, 9, e -> {
            String changed = "{\"traceId\":\"forged\",\"userId\":\"user-0\"}";
            e.set("metaData", Json.MAPPER.readTree(changed));
            setStored(e, "metaData", changed);
        });
        assertNamed(verify(tampered), "modified", 9, "leaf.hash");
        byte[] viewOnly = editEvent(export, 9, e -> ((ObjectNode) e.get("metaData")).put("userId", "someone"));
        assertNamed(verify(viewOnly), "modified", 9, "metaData differs from the stored bytes");
    }

    @Test
    void changedIdentityFieldsAreCaught() throws IOException {
        assertNamed(verify(editEvent(export, 12, e -> e.put("aggregateId", "client-99"))), "modified", 12,
                "leaf.hash");
        assertNamed(verify(editEvent(export, 12, e -> {
            e.put("aggregateId", "client-99");
            rehash(e);
        })), "modified", 12, "inclusion proofs commit to");
        assertNamed(verify(editEvent(export, 40, e -> {
            e.put("timestamp", "2026-01-01T00:00:00.000Z");
            rehash(e);
        })), "modified", 40, "inclusion proofs commit to");
        assertNamed(verify(editEvent(export, 41, e -> e.put("sequence", 99))), "modified", 41, "leaf.hash");
    }

    @Test
    void aDeletedEventIsMissing() throws IOException {
        List<String> lines = lines(export);
        lines.remove(23);
        Result result = verify(join(lines));
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.summary()).startsWith("TAMPERED (missing) at agencySeq 23: agencySeq 23 is missing");
    }

    @Test
    void insertedEventsAreCaught() throws IOException {
        List<String> duplicate = lines(export);
        duplicate.add(11, duplicate.get(10));
        assertThat(verify(join(duplicate)).summary()).startsWith("TAMPERED (inserted) at position "
                + position(10) + " (agencySeq 10): agencySeq 10 appears twice");

        List<String> renumbered = lines(export);
        renumbered.add(11, edit(renumbered.get(10), e -> {
            e.put("agencySeq", 11);
            rehash(e);
        }));
        assertThat(verify(join(renumbered)).summary()).startsWith("TAMPERED (inserted) at position " + position(10)
                + " (agencySeq 11): agencySeq 11 appears twice");

        List<String> beyond = lines(export);
        beyond.add(51, edit(beyond.get(10), e -> {
            e.put("agencySeq", 51);
            rehash(e);
        }));
        assertThat(verify(join(beyond)).summary()).startsWith("TAMPERED (inserted) at position " + position(10)
                + " (agencySeq 51): agencySeq 51 is beyond the head's size (50)");
    }

    @Test
    void reorderedEventsAreCaught() throws IOException {
        List<String> lines = lines(export);
        String thirty = lines.get(30);
        lines.set(30, lines.get(31));
        lines.set(31, thirty);
        assertThat(verify(join(lines)).summary()).isEqualTo("TAMPERED (reordered) at position " + position(30)
                + " (agencySeq 30): agencySeq 30 comes after agencySeq 31");
    }

    @Test
    void aTruncatedTailIsCaught() throws IOException {
        List<String> lines = lines(export);
        List<String> tailDropped = new ArrayList<>(lines.subList(0, 48));
        tailDropped.addAll(lines.subList(51, lines.size()));
        Result result = verify(join(tailDropped));
        assertThat(result.summary()).isEqualTo("TAMPERED (truncated) at agencySeq 48: the export ends at agencySeq"
                + " 47 but the head's size is 50: 3 event(s) at the end are missing");

        Result cut = verify(join(lines.subList(0, 48)));
        assertThat(cut.exit()).isEqualTo(1);
        assertThat(cut.summary()).isEqualTo("TAMPERED (truncated): the export ends after agencySeq 47 without its"
                + " head and checkpoint lines");

        Result noCheckpoint = verify(join(lines.subList(0, lines.size() - 1)));
        assertThat(noCheckpoint.summary()).isEqualTo("TAMPERED (truncated): the checkpoint line is missing");

        byte[] midLine = Arrays.copyOf(export, export.length - 40);
        assertThat(verify(midLine).summary()).startsWith("TAMPERED (truncated): the export ends in the middle of"
                + " line 53");
    }

    @Test
    void aForgedHeadIsCaught() throws IOException {
        byte[] otherRoot = Hashes.leafHash("forged".getBytes(StandardCharsets.UTF_8));
        byte[] forgedRoot = editLine(export, 51, l -> ((ObjectNode) l.get("head")).put("rootHash", b64(otherRoot)));
        Result result = verify(forgedRoot);
        assertThat(result.summary()).startsWith("TAMPERED (head): the head (size 50, root ");
        assertThat(result.summary()).contains("is not leaf");

        byte[] forgedSize = editLine(export, 51, l -> ((ObjectNode) l.get("head")).put("size", 49));
        assertThat(verify(forgedSize).summary()).startsWith("TAMPERED (head)");
    }

    @Test
    void aForgedCheckpointOrSignatureIsCaught() throws IOException {
        byte[] forgedRoot = editLine(export, 52, l -> ((ObjectNode) l.get("checkpoint"))
                .put("rootHash", b64(Hashes.emptyRoot())));
        assertThat(verify(forgedRoot).summary()).startsWith("TAMPERED (signature): the checkpoint's signature");

        byte[] badSignature = editLine(export, 52, l -> {
            ObjectNode cp = (ObjectNode) l.get("checkpoint");
            byte[] signature = Base64.getDecoder().decode(cp.get("signature").stringValue());
            signature[10] ^= 4;
            cp.put("signature", b64(signature));
        });
        assertThat(verify(badSignature).summary()).startsWith("TAMPERED (signature): the checkpoint's signature");
    }

    @Test
    void aWrongPinnedKeyIsCaught() throws IOException {
        CheckpointKey other = CheckpointKey.generate();
        Result result = verify(export, "--key", file("other.json", other.toJwkJson()));
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.summary()).isEqualTo("TAMPERED (signature): the checkpoint is signed by key "
                + log.key.keyId() + ", which is not the pinned key (" + other.keyId() + ")");
    }

    @Test
    void anExportReSignedWithAnotherKeyIsCaughtByThePinnedKeyOrTheAnchor() throws IOException {
        CheckpointKey attacker = CheckpointKey.generate();
        byte[] resigned = editLine(export, 52, l -> {
            ObjectNode cp = (ObjectNode) l.get("checkpoint");
            SignedCheckpoint original = SignedCheckpoint.fromJson(cp, "checkpoint");
            SignedCheckpoint forged = attacker.sign(original.checkpoint());
            cp.put("keyId", forged.keyId());
            cp.put("signature", b64(forged.signature()));
            cp.set("publicKey", Json.MAPPER.readTree(attacker.toJwkJson()));
        });
        // alone, the export trusts its own key (and says so)
        Result alone = verify(resigned);
        assertThat(alone.exit()).isZero();
        assertThat(alone.out()).contains("note: no key was pinned");
        assertThat(verify(resigned, "--key", file("key.json", log.key.toJwkJson())).summary())
                .startsWith("TAMPERED (signature): the checkpoint is signed by key " + attacker.keyId());
        assertThat(verify(resigned, "--checkpoint", file("sink.ndjson", log.sinkFile())).summary())
                .startsWith("TAMPERED (signature): anchored checkpoint 1 (size ");
    }

    @Test
    void aForkAtTheAnchoredSizeIsCaught() throws IOException {
        AuditLogFixture fork = new AuditLogFixture(log.key);
        fork.append(A, 20).append("agency-b", 5).seal();
        fork.append(A, 15).append("agency-c", 9).seal();
        fork.append("agency-b", 3).seal();
        fork.rewrite(A, 3, "{\"forged\":true}");
        fork.append(A, 15).append("agency-c", 1).seal();
        assertThat(fork.latest().size()).isEqualTo(checkpointSize);
        String forkLine = fork.sink.get(fork.sink.size() - 1).toJson();
        Result result = verify(export, "--checkpoint", file("fork.ndjson", forkLine));
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.summary()).startsWith("TAMPERED (inconsistent): a fork: the anchored checkpoint of size "
                + checkpointSize + " has root ");
    }

    @Test
    void aSinkThatRepeatsEarlierLinesStillAnchorsButAForgedTwinAtAKnownSizeIsCaught() throws IOException {
        // an e-mail sent twice (the mail server took it, the database did not record that), then the next one
        List<String> lines = log.sink.stream().map(SinkLine::toJson).toList();
        String repeated = String.join("\n", lines.get(0), lines.get(1), lines.get(2), lines.get(1), lines.get(2),
                lines.get(3)) + "\n";
        Result result = verify(export, "--checkpoint", file("mailed.ndjson", repeated),
                "--key", file("key.json", log.key.toJwkJson()));
        assertThat(result.exit()).as(result.out()).isZero();
        assertThat(result.summary()).endsWith("consistent with the anchored checkpoint of size " + checkpointSize);

        AuditLogFixture fork = new AuditLogFixture(log.key);
        fork.append(A, 20).append("agency-b", 5).seal();
        fork.append(A, 16).append("agency-c", 9).seal();
        String twin = fork.sink.get(1).toJson(); // the size of line 2, another root
        assertThat(fork.sink.get(1).checkpoint().size()).isEqualTo(log.sink.get(1).checkpoint().size());
        Result forged = verify(export, "--checkpoint", file("forged.ndjson", String.join("\n", lines.get(0),
                lines.get(1), twin, lines.get(2), lines.get(3)) + "\n"));
        assertThat(forged.exit()).isEqualTo(1);
        assertThat(forged.summary()).startsWith("TAMPERED (inconsistent): anchored checkpoint ");
    }

    @Test
    void anExportOlderThanTheAnchoredCheckpointIsCaught() throws IOException {
        AuditLogFixture later = new AuditLogFixture(log.key);
        later.append(A, 20).append("agency-b", 5).seal();
        later.append(A, 15).append("agency-c", 9).seal();
        byte[] old = later.export(A);
        later.append("agency-b", 3).seal();
        Result result = verify(old, "--checkpoint", file("sink.ndjson", later.sinkFile()));
        assertThat(result.summary()).isEqualTo("TAMPERED (inconsistent): the export's log (size 4) is older than"
                + " the anchored checkpoint (size 5)");
    }

    @Test
    void aValidAnchorLineProvesConsistencyWithAnEarlierCheckpoint() throws IOException {
        long anchoredSize = log.sink.get(1).checkpoint().size();
        String upToThen = log.sink.get(0).toJson() + "\n" + log.sink.get(1).toJson() + "\n";
        String onlyThen = log.sink.get(1).toJson() + "\n";

        Result without = verify(export, "--checkpoint", file("then.ndjson", onlyThen));
        assertThat(without.summary()).isEqualTo("TAMPERED (inconsistent): the export proves no consistency with the"
                + " anchored checkpoint of size " + anchoredSize + ": export again with ?anchor=" + anchoredSize);

        byte[] anchoredExport = log.export(A, anchoredSize);
        for (String sink : List.of(onlyThen, upToThen)) {
            Result result = verify(anchoredExport, "--checkpoint", file("then.ndjson", sink),
                    "--key", file("key.json", log.key.toJwkJson()));
            assertThat(result.exit()).as(result.out()).isZero();
            assertThat(result.summary()).endsWith("consistent with the anchored checkpoint of size " + anchoredSize);
        }
        Result unanchored = verify(anchoredExport);
        assertThat(unanchored.exit()).isZero();
        assertThat(unanchored.out()).contains("note: the anchor line (size " + anchoredSize + ")");
    }

    @Test
    void aWrongConsistencyProofIsCaught() throws IOException {
        long anchoredSize = log.sink.get(1).checkpoint().size();
        byte[] anchoredExport = log.export(A, anchoredSize);
        byte[] tampered = editLine(anchoredExport, 52, l -> {
            ArrayNode proof = (ArrayNode) l.get("anchor").get("consistency");
            byte[] first = Base64.getDecoder().decode(proof.get(0).stringValue());
            first[0] ^= 1;
            proof.set(0, b64(first));
        });
        Result result = verify(tampered, "--checkpoint", file("then.ndjson", log.sink.get(1).toJson()));
        assertThat(result.summary()).startsWith("TAMPERED (inconsistent): the export's checkpoint (size "
                + checkpointSize + ") is not an extension of the anchored one (size " + anchoredSize + ")");
        assertThat(verify(tampered).summary()).startsWith("TAMPERED (inconsistent): the anchor line's consistency"
                + " proof from size " + anchoredSize);
    }

    @Test
    void aRewrittenHistoryBehindAConsistentLogIsCaught() throws IOException {
        AuditLogFixture rewritten = new AuditLogFixture(log.key);
        rewritten.append(A, 20).append("agency-b", 5).seal();
        long anchoredSize = rewritten.latest().size();
        String anchoredLine = rewritten.sink.get(0).toJson();
        rewritten.rewrite(A, 5, "{\"clientId\":\"client-5\",\"name\":\"rewritten\"}");
        rewritten.append(A, 10).seal();
        byte[] anchoredExport = rewritten.export(A, anchoredSize);
        // the export alone is self-consistent: the log only grew
        assertThat(verify(anchoredExport).exit()).isZero();
        Result result = verify(anchoredExport, "--checkpoint", file("then.ndjson", anchoredLine));
        assertThat(result.summary()).startsWith("TAMPERED (inconsistent): the agency's first 20 events as exported"
                + " do not rebuild its head at the anchored checkpoint");
    }

    @Test
    void aBrokenChainInTheSinkFileIsCaught() throws IOException {
        List<String> sink = new ArrayList<>(List.of(log.sinkFile().split("\n")));
        AuditLogFixture fork = new AuditLogFixture(log.key);
        fork.append(A, 21).append("agency-b", 5).seal();
        sink.set(0, fork.sink.get(0).toJson());
        Result result = verify(export, "--checkpoint", file("sink.ndjson", String.join("\n", sink)));
        assertThat(result.summary()).startsWith("TAMPERED (inconsistent): anchored checkpoint 2's consistency"
                + " proof starts from size");
    }

    @Test
    void aPartialExportIsCheckedAgainstTheHead() throws IOException {
        byte[] range = log.exportRange(A, 11, 30);
        Result result = verify(range);
        assertThat(result.exit()).as(result.out()).isZero();
        assertThat(result.summary()).isEqualTo("intact: 20 events, agency agency-a, checkpoint size "
                + checkpointSize + " signed by key " + log.key.keyId()
                + " (partial export: agencySeq 11..30 of the head's 50)");

        byte[] modified = editEvent(range, 15, e -> {
            String changed = payloadWith(e, "budget", 2.0);
            e.set("payload", Json.MAPPER.readTree(changed));
            setStored(e, "payload", changed);
            rehash(e);
        }, 11);
        assertNamed(verify(modified), "modified", 15, "do not lead to the head's root");

        List<String> lines = lines(range);
        lines.remove(5);
        assertThat(verify(join(lines)).summary()).startsWith("TAMPERED (missing) at agencySeq 15");
    }

    @Test
    void theServerCanFeedTheVerifierWithoutAnyText() {
        AgencyHead head = log.head(A, log.latest().size());
        ExportVerifier verifier = new ExportVerifier(List.of(log.key), log.sink);
        verifier.header(ExportHeader.of(A, 1, head.size(), true, null, null, null));
        List<EventLeaf> events = log.events.get(A);
        for (EventLeaf leaf : events) {
            verifier.event(ExportEvent.of(leaf, null));
        }
        verifier.head(head);
        verifier.checkpoint(log.latest(), null);
        verifier.end();
        assertThat(verifier.verdict().ok()).isTrue();
        assertThat(verifier.verdict().eventsChecked()).isEqualTo(50);
        assertThat(verifier.verdict().verifiedUpTo()).isEqualTo(50);
        assertThat(verifier.verdict().verifiedUpToPosition()).isEqualTo(events.get(49).position());

        ExportVerifier second = new ExportVerifier(List.of(log.key), List.of());
        second.header(ExportHeader.of(A, 1, head.size(), true, null, null, null));
        for (EventLeaf leaf : events) {
            EventLeaf fed = leaf.agencySeq() != 33 ? leaf : new EventLeaf(33, leaf.position(), A, leaf.eventId(),
                    leaf.aggregateType(), leaf.aggregateId(), leaf.sequence(), leaf.payloadType(),
                    leaf.payloadRevision(), leaf.timestamp(), "{}".getBytes(StandardCharsets.UTF_8), leaf.metaData());
            second.event(ExportEvent.of(fed, null));
        }
        second.head(head);
        second.checkpoint(log.latest(), null);
        second.end();
        Verdict verdict = second.verdict();
        assertThat(verdict.ok()).isFalse();
        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.MODIFIED);
        assertThat(verdict.agencySeq()).isNull();
        assertThat(verdict.reason()).contains("events were changed");
    }

    @Test
    void usageAndUnreadableFiles() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(Main.run(new String[0], new PrintStream(out), new PrintStream(err))).isEqualTo(2);
        assertThat(Main.run(new String[] {"help"}, new PrintStream(out), new PrintStream(err))).isZero();
        assertThat(out.toString()).contains("usage: audit-verifier verify FILE");
        assertThat(Main.run(new String[] {"verify", dir.resolve("absent").toString()}, new PrintStream(out),
                new PrintStream(err))).isEqualTo(2);
        assertThat(Main.run(new String[] {"verify", file("x.ndjson", "x"), "--key", file("k.json", "{}")},
                new PrintStream(out), new PrintStream(err))).isEqualTo(2);
        assertThat(Main.run(new String[] {"verify"}, new PrintStream(out), new PrintStream(err))).isEqualTo(2);
        Result notAnExport = verify("{\"hello\":1}\n".getBytes(StandardCharsets.UTF_8));
        assertThat(notAnExport.exit()).isEqualTo(1);
        assertThat(notAnExport.summary()).startsWith("TAMPERED (malformed): line 1: not an audit export");
    }

    // ---- helpers

    private Result verify(byte[] exportBytes, String... options) throws IOException {
        Path file = dir.resolve("export-" + System.nanoTime() + ".ndjson");
        Files.write(file, exportBytes);
        List<String> args = new ArrayList<>(List.of("verify", file.toString()));
        args.addAll(List.of(options));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args.toArray(new String[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String file(String name, String content) throws IOException {
        Path file = dir.resolve(System.nanoTime() + "-" + name);
        Files.writeString(file, content);
        return file.toString();
    }

    private static void assertNamed(Result result, String kind, long seq, String reasonPart) {
        assertThat(result.exit()).as(result.out()).isEqualTo(1);
        assertThat(result.summary()).as(result.out())
                .startsWith("TAMPERED (" + kind + ") at position " + position(seq) + " (agencySeq " + seq + "): ")
                .contains(reasonPart);
    }

    private static long position(long seq) {
        return log.events.get(A).get((int) seq - 1).position();
    }

    private static List<String> lines(byte[] bytes) {
        return new ArrayList<>(List.of(new String(bytes, StandardCharsets.UTF_8).split("\n")));
    }

    private static byte[] join(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] editEvent(byte[] bytes, long seq, Consumer<ObjectNode> change) {
        return editEvent(bytes, seq, change, 1);
    }

    private static byte[] editEvent(byte[] bytes, long seq, Consumer<ObjectNode> change, long firstSeq) {
        return editLine(bytes, (int) (seq - firstSeq + 1), change);
    }

    private static byte[] editLine(byte[] bytes, int lineIndex, Consumer<ObjectNode> change) {
        List<String> lines = lines(bytes);
        lines.set(lineIndex, edit(lines.get(lineIndex), change));
        return join(lines);
    }

    private static String edit(String line, Consumer<ObjectNode> change) {
        ObjectNode node = (ObjectNode) Json.MAPPER.readTree(line);
        change.accept(node);
        return Json.MAPPER.writeValueAsString(node);
    }

    private static String payloadWith(ObjectNode event, String field, double value) {
        byte[] stored = Base64.getDecoder().decode(event.get("leaf").get("payload").stringValue());
        ObjectNode payload = (ObjectNode) Json.MAPPER.readTree(stored);
        payload.put(field, value);
        return Json.MAPPER.writeValueAsString(payload);
    }

    private static void setStored(ObjectNode event, String field, String json) {
        ((ObjectNode) event.get("leaf")).put(field, b64(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** What an attacker who knows the format does: recompute leaf.hash from the changed fields. */
    private static void rehash(ObjectNode e) {
        JsonNode leaf = e.get("leaf");
        EventLeaf recomputed = new EventLeaf(e.get("agencySeq").longValue(), e.get("position").longValue(), A,
                e.get("eventId").stringValue(), e.get("aggregateType").stringValue(),
                e.get("aggregateId").stringValue(), e.get("sequence").longValue(), e.get("type").stringValue(),
                e.get("revision").isNull() ? "" : e.get("revision").stringValue(), e.get("timestamp").stringValue(),
                Base64.getDecoder().decode(leaf.get("payload").stringValue()),
                Base64.getDecoder().decode(leaf.get("metaData").stringValue()));
        ((ObjectNode) leaf).put("hash", b64(recomputed.leafHash()));
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
