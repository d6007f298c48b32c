package com.webprometrics.auditlog;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One line of the checkpoint sink, the anchor kept outside the database: a signed checkpoint and the consistency proof
 * from the previously published one (null for the first). Parses the export's checkpoint line form too.
 */
public record SinkLine(SignedCheckpoint checkpoint, Consistency consistency) {
    public SinkLine {
        Objects.requireNonNull(checkpoint, "checkpoint");
    }

    /** Proof that the log at {@code fromSize} with root {@code fromRoot} is a prefix of this checkpoint's log. */
    public record Consistency(long fromSize, byte[] fromRoot, List<byte[]> proof) {
        public Consistency {
            Hashes.requireHash(fromRoot, "a consistency proof's first root");
            proof = List.copyOf(proof);
        }

        public boolean verifies(SignedCheckpoint to) {
            return Merkle.verifyConsistency(fromSize, to.size(), proof, fromRoot, to.root());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Consistency c && c.fromSize == fromSize && Arrays.equals(c.fromRoot, fromRoot)
                    && c.proof.size() == proof.size()
                    && java.util.stream.IntStream.range(0, proof.size())
                    .allMatch(i -> Arrays.equals(c.proof.get(i), proof.get(i)));
        }

        @Override
        public int hashCode() {
            return Objects.hash(fromSize, Arrays.hashCode(fromRoot), proof.size());
        }
    }

    /** The line as the sink stores it, without the newline. */
    public String toJson() {
        ObjectNode json = Json.object();
        json.set("checkpoint", checkpoint.toJson());
        if (consistency != null) {
            ObjectNode c = json.putObject("consistency");
            c.put("fromSize", consistency.fromSize());
            c.put("fromRootHash", Json.b64(consistency.fromRoot()));
            c.set("proof", Json.hashes(consistency.proof()));
        }
        return Json.MAPPER.writeValueAsString(json);
    }

    /** A sink line, or an export's {@code {"checkpoint":{…,"publicKey":…}}} line (its key is not kept). */
    public static SinkLine parse(String line) {
        JsonNode json = Json.parse(line, "the checkpoint line");
        Json.onlyFields(json, "the line", "checkpoint", "consistency");
        JsonNode cp = Json.objectField(json, "checkpoint", "the line");
        Json.onlyFields(cp, "checkpoint", "origin", "size", "rootHash", "timestamp", "keyId", "signature",
                "publicKey");
        SignedCheckpoint checkpoint = SignedCheckpoint.fromJson(cp, "checkpoint");
        JsonNode c = json.get("consistency");
        if (c == null || c.isNull()) {
            return new SinkLine(checkpoint, null);
        }
        if (!c.isObject()) {
            throw new ExportFormatException("consistency is not an object");
        }
        Json.onlyFields(c, "consistency", "fromSize", "fromRootHash", "proof");
        return new SinkLine(checkpoint, new Consistency(Json.number(c, "fromSize", "consistency"),
                Json.hash(c, "fromRootHash", "consistency"), Json.hashList(c, "proof", "consistency")));
    }

    /** Every non-blank line of a sink file (or a file holding one checkpoint line), in order. */
    public static List<SinkLine> readAll(Path file) throws IOException {
        List<SinkLine> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    lines.add(parse(line));
                } catch (ExportFormatException e) {
                    throw e.at(number, false);
                }
            }
        }
        if (lines.isEmpty()) {
            throw new ExportFormatException(file + " holds no checkpoint");
        }
        return lines;
    }
}
