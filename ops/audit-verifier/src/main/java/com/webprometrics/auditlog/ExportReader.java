package com.webprometrics.auditlog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.databind.JsonNode;

/**
 * Reads an NDJSON export line by line into a sink, never holding more than one line. Event lines are parsed as a
 * token stream, and the reading views are kept as the exact JSON text they were written as.
 *
 * @see ExportWriter
 */
public final class ExportReader {
    private static final int HASH_BASE64 = 44;

    private final ExportSink sink;
    private String agencyId;

    private ExportReader(ExportSink sink) {
        this.sink = sink;
    }

    /**
     * Reads every line of {@code in} into {@code sink}, then calls {@link ExportSink#end()}.
     *
     * @throws ExportFormatException at the first line that does not follow the format (then {@code end} is not
     *                               called)
     */
    public static void read(InputStream in, ExportSink sink) throws IOException {
        ExportReader reader = new ExportReader(sink);
        LineSource lines = new LineSource(in);
        while (lines.next()) {
            if (isBlank(lines.bytes, lines.start, lines.end)) {
                continue;
            }
            try {
                reader.line(lines.bytes, lines.start, lines.end, lines.number == 1);
            } catch (ExportFormatException e) {
                throw e.at(lines.number, !lines.terminated);
            } catch (JacksonException e) {
                throw new ExportFormatException(lines.number, "not JSON: " + e.getOriginalMessage(),
                        !lines.terminated);
            }
        }
        sink.end();
    }

    private void line(byte[] bytes, int start, int end, boolean first) {
        String kind;
        try (JsonParser parser = Json.TOKENS.createParser(ObjectReadContext.empty(), bytes, start, end - start)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ExportFormatException("not a JSON object");
            }
            kind = parser.nextName();
            if (kind == null) {
                throw new ExportFormatException("an empty object");
            }
            if (agencyId == null && !kind.equals("export")) {
                throw new ExportFormatException("not an audit export: the first line is not {\"export\":{…}}");
            }
            if (!List.of("export", "head", "anchor", "checkpoint").contains(kind)) {
                sink.event(event(parser, kind, bytes, start));
                return;
            }
        }
        JsonNode line = Json.MAPPER.readTree(bytes, start, end - start);
        Json.onlyFields(line, "the " + kind + " line", kind);
        JsonNode body = Json.objectField(line, kind, "the line");
        switch (kind) {
            case "export" -> header(body);
            case "head" -> sink.head(AgencyHead.fromJson(body, "head"));
            case "anchor" -> anchor(body);
            default -> checkpoint(body);
        }
    }

    private void header(JsonNode json) {
        Json.onlyFields(json, "export", "format", "agencyId", "firstSeq", "lastSeq", "complete", "from", "to",
                "exportedAt");
        ExportHeader header = new ExportHeader(Json.text(json, "format", "export"),
                Json.text(json, "agencyId", "export"), Json.number(json, "firstSeq", "export"),
                Json.number(json, "lastSeq", "export"), Json.bool(json, "complete", "export"),
                Json.optionalText(json, "from", "export"), Json.optionalText(json, "to", "export"),
                Json.optionalText(json, "exportedAt", "export"));
        agencyId = header.agencyId();
        sink.header(header);
    }

    private void anchor(JsonNode json) {
        Json.onlyFields(json, "anchor", "size", "rootHash", "consistency", "head");
        JsonNode head = Json.field(json, "head", "anchor");
        sink.anchor(new Anchor(Json.number(json, "size", "anchor"), Json.hash(json, "rootHash", "anchor"),
                Json.hashList(json, "consistency", "anchor"),
                head.isNull() ? null : AgencyHead.fromJson(Json.objectField(json, "head", "anchor"), "anchor.head")));
    }

    private void checkpoint(JsonNode json) {
        Json.onlyFields(json, "checkpoint", "origin", "size", "rootHash", "timestamp", "keyId", "signature",
                "publicKey");
        JsonNode key = json.get("publicKey");
        sink.checkpoint(SignedCheckpoint.fromJson(json, "checkpoint"),
                key == null || key.isNull() ? null : CheckpointKey.fromJwk(key));
    }

    private ExportEvent event(JsonParser p, String firstName, byte[] bytes, int lineStart) {
        Long agencySeq = null;
        Long position = null;
        Long sequence = null;
        String eventId = null;
        String aggregateType = null;
        String aggregateId = null;
        String type = null;
        String revision = null;
        String timestamp = null;
        byte[] payloadView = null;
        byte[] metaDataView = null;
        byte[][] leaf = null;
        List<byte[]> proof = null;
        for (String name = firstName; name != null; name = p.nextName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "agencySeq" -> agencySeq = integer(p, token, name);
                case "position" -> position = integer(p, token, name);
                case "sequence" -> sequence = integer(p, token, name);
                case "eventId" -> eventId = string(p, token, name);
                case "aggregateType" -> aggregateType = string(p, token, name);
                case "aggregateId" -> aggregateId = string(p, token, name);
                case "type" -> type = string(p, token, name);
                case "revision" -> revision = string(p, token, name);
                case "timestamp" -> timestamp = string(p, token, name);
                case "payload" -> payloadView = view(p, token, bytes, lineStart);
                case "metaData" -> metaDataView = view(p, token, bytes, lineStart);
                case "leaf" -> leaf = leaf(p, token, bytes, lineStart);
                case "proof" -> proof = proof(p, token, bytes, lineStart);
                default -> throw new ExportFormatException("an event has an unknown field \"" + name + "\"");
            }
        }
        if (p.nextToken() != null) {
            throw new ExportFormatException("more than one JSON value on the line");
        }
        requirePresent(agencySeq, "agencySeq");
        requirePresent(position, "position");
        requirePresent(sequence, "sequence");
        requirePresent(eventId, "eventId");
        requirePresent(aggregateType, "aggregateType");
        requirePresent(aggregateId, "aggregateId");
        requirePresent(type, "type");
        requirePresent(timestamp, "timestamp");
        requirePresent(payloadView, "payload");
        requirePresent(metaDataView, "metaData");
        requirePresent(leaf, "leaf");
        requirePresent(proof, "proof");
        EventLeaf eventLeaf = new EventLeaf(agencySeq, position, agencyId, eventId, aggregateType, aggregateId,
                sequence, type, revision, timestamp, leaf[0], leaf[1]);
        return new ExportEvent(eventLeaf, leaf[2], proof, payloadView, metaDataView);
    }

    /** The view's JSON text; an object or array as the exact bytes of the line (locations count from its start). */
    private static byte[] view(JsonParser p, JsonToken token, byte[] bytes, int lineStart) {
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            int from = lineStart + (int) p.currentTokenLocation().getByteOffset();
            p.skipChildren();
            int to = lineStart + (int) p.currentTokenLocation().getByteOffset() + 1;
            byte[] view = new byte[to - from];
            System.arraycopy(bytes, from, view, 0, view.length);
            return view;
        }
        if (token == JsonToken.VALUE_STRING) {
            return Json.MAPPER.writeValueAsBytes(p.getString());
        }
        if (token == null || token.isStructEnd() || token == JsonToken.PROPERTY_NAME) {
            throw new ExportFormatException("a reading view without a value");
        }
        return p.getText().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[][] leaf(JsonParser p, JsonToken token, byte[] bytes, int lineStart) {
        if (token != JsonToken.START_OBJECT) {
            throw new ExportFormatException("an event's leaf is not an object");
        }
        byte[][] leaf = new byte[3][];
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            JsonToken value = p.nextToken();
            int slot = switch (name) {
                case "payload" -> 0;
                case "metaData" -> 1;
                case "hash" -> 2;
                default -> throw new ExportFormatException("an event's leaf has an unknown field \"" + name + "\"");
            };
            if (value != JsonToken.VALUE_STRING) {
                throw new ExportFormatException("leaf." + name + " is not a base64 string");
            }
            leaf[slot] = base64(p, bytes, lineStart, "leaf." + name);
        }
        if (leaf[0] == null || leaf[1] == null || leaf[2] == null) {
            throw new ExportFormatException("an event's leaf needs payload, metaData and hash");
        }
        if (leaf[2].length != Hashes.SIZE) {
            throw new ExportFormatException("leaf.hash is not a 32-byte hash");
        }
        return leaf;
    }

    private static List<byte[]> proof(JsonParser p, JsonToken token, byte[] bytes, int lineStart) {
        if (token != JsonToken.START_ARRAY) {
            throw new ExportFormatException("an event's proof is not an array");
        }
        List<byte[]> proof = new ArrayList<>(32);
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t != JsonToken.VALUE_STRING) {
                throw new ExportFormatException("an event's proof holds a non-string");
            }
            byte[] hash = base64(p, bytes, lineStart, "proof");
            if (hash.length != Hashes.SIZE) {
                throw new ExportFormatException("an event's proof holds a value that is not a 32-byte hash");
            }
            proof.add(hash);
        }
        return proof;
    }

    /** Decodes the current string token from the line's bytes (base64 has no escapes), without Jackson's copy. */
    private static byte[] base64(JsonParser p, byte[] bytes, int lineStart, String what) {
        int quote = lineStart + (int) p.currentTokenLocation().getByteOffset();
        int hashEnd = quote + 1 + HASH_BASE64;
        if (bytes[quote] == '"' && hashEnd < bytes.length && bytes[hashEnd] == '"') {
            try {
                return Base64Bytes.decode(bytes, quote + 1, HASH_BASE64);
            } catch (IllegalArgumentException e) {
                // the string is shorter, and that quote ends a later one: scan for its end instead
            }
        }
        int end = quote + 1;
        while (end < bytes.length && bytes[end] != '"' && bytes[end] != '\\') {
            end++;
        }
        try {
            if (bytes[quote] != '"' || end == bytes.length || bytes[end] != '"') {
                return Base64.getDecoder().decode(p.getString());
            }
            return Base64Bytes.decode(bytes, quote + 1, end - quote - 1);
        } catch (IllegalArgumentException e) {
            throw new ExportFormatException(what + " is not base64");
        }
    }

    private static long integer(JsonParser p, JsonToken token, String name) {
        if (token != JsonToken.VALUE_NUMBER_INT) {
            throw new ExportFormatException("an event's " + name + " is not an integer");
        }
        try {
            return p.getLongValue();
        } catch (JacksonException e) {
            throw new ExportFormatException("an event's " + name + " does not fit 64 bits");
        }
    }

    private static String string(JsonParser p, JsonToken token, String name) {
        if (token == JsonToken.VALUE_NULL) {
            return "";
        }
        if (token != JsonToken.VALUE_STRING) {
            throw new ExportFormatException("an event's " + name + " is not a string");
        }
        return p.getString();
    }

    private static void requirePresent(Object value, String name) {
        if (value == null) {
            throw new ExportFormatException("an event has no \"" + name + "\"");
        }
    }

    private static boolean isBlank(byte[] bytes, int start, int end) {
        for (int i = start; i < end; i++) {
            if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
                return false;
            }
        }
        return true;
    }
}
