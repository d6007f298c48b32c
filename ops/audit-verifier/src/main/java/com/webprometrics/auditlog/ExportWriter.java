package com.webprometrics.auditlog;

import java.io.Closeable;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;

/**
 * Writes an export as NDJSON, one line per call, streaming to the given stream (which it leaves open). The reading
 * view of payload and metadata is the stored JSON embedded as it is; {@code leaf} holds the same bytes in base64.
 */
public final class ExportWriter implements ExportSink, Closeable {
    private final JsonGenerator out;
    private String agencyId;

    public ExportWriter(OutputStream stream) {
        this.out = Json.MAPPER.writer()
                .without(StreamWriteFeature.AUTO_CLOSE_TARGET)
                .withRootValueSeparator("")
                .createGenerator(stream);
    }

    @Override
    public void header(ExportHeader header) {
        agencyId = header.agencyId();
        out.writeStartObject();
        out.writeName("export");
        out.writeStartObject();
        out.writeStringProperty("format", header.format());
        out.writeStringProperty("agencyId", header.agencyId());
        out.writeNumberProperty("firstSeq", header.firstSeq());
        out.writeNumberProperty("lastSeq", header.lastSeq());
        out.writeBooleanProperty("complete", header.complete());
        out.writeStringProperty("from", header.from());
        out.writeStringProperty("to", header.to());
        out.writeStringProperty("exportedAt", header.exportedAt());
        out.writeEndObject();
        out.writeEndObject();
        endLine();
    }

    /** Writes one event; its views are derived from the stored bytes. */
    public void event(EventLeaf leaf, List<byte[]> proof) {
        event(ExportEvent.of(leaf, proof));
    }

    @Override
    public void event(ExportEvent event) {
        EventLeaf leaf = event.leaf();
        if (agencyId == null || !agencyId.equals(leaf.agencyId())) {
            throw new IllegalStateException("event of agency " + leaf.agencyId() + " in an export of " + agencyId);
        }
        if (event.proof() == null) {
            throw new IllegalArgumentException("an exported event needs its inclusion proof");
        }
        out.writeStartObject();
        out.writeNumberProperty("agencySeq", leaf.agencySeq());
        out.writeNumberProperty("position", leaf.position());
        out.writeStringProperty("eventId", leaf.eventId());
        out.writeStringProperty("aggregateType", leaf.aggregateType());
        out.writeStringProperty("aggregateId", leaf.aggregateId());
        out.writeNumberProperty("sequence", leaf.sequence());
        out.writeStringProperty("type", leaf.payloadType());
        out.writeStringProperty("revision", leaf.payloadRevision().isEmpty() ? null : leaf.payloadRevision());
        out.writeStringProperty("timestamp", leaf.timestamp());
        out.writeName("payload");
        out.writeRawValue(ReadingView.of(leaf.payload()));
        out.writeName("metaData");
        out.writeRawValue(ReadingView.of(leaf.metaData()));
        out.writeName("leaf");
        out.writeStartObject();
        out.writeStringProperty("payload", Json.b64(leaf.payload()));
        out.writeStringProperty("metaData", Json.b64(leaf.metaData()));
        out.writeStringProperty("hash", Json.b64(event.leafHash() != null ? event.leafHash() : leaf.leafHash()));
        out.writeEndObject();
        writeHashes("proof", event.proof());
        out.writeEndObject();
        endLine();
    }

    @Override
    public void head(AgencyHead head) {
        out.writeStartObject();
        out.writeName("head");
        writeHead(head);
        out.writeEndObject();
        endLine();
    }

    @Override
    public void anchor(Anchor anchor) {
        out.writeStartObject();
        out.writeName("anchor");
        out.writeStartObject();
        out.writeNumberProperty("size", anchor.size());
        out.writeStringProperty("rootHash", Json.b64(anchor.root()));
        writeHashes("consistency", anchor.consistency());
        out.writeName("head");
        if (anchor.head() == null) {
            out.writeNull();
        } else {
            writeHead(anchor.head());
        }
        out.writeEndObject();
        out.writeEndObject();
        endLine();
    }

    @Override
    public void checkpoint(SignedCheckpoint checkpoint, CheckpointKey publicKey) {
        Checkpoint cp = checkpoint.checkpoint();
        out.writeStartObject();
        out.writeName("checkpoint");
        out.writeStartObject();
        out.writeStringProperty("origin", cp.origin());
        out.writeNumberProperty("size", cp.size());
        out.writeStringProperty("rootHash", Json.b64(cp.root()));
        out.writeStringProperty("timestamp", cp.timestamp());
        out.writeStringProperty("keyId", checkpoint.keyId());
        out.writeStringProperty("signature", Json.b64(checkpoint.signature()));
        if (publicKey != null) {
            out.writeName("publicKey");
            out.writeStartObject();
            for (Map.Entry<String, String> member : publicKey.toJwk().entrySet()) {
                out.writeStringProperty(member.getKey(), member.getValue());
            }
            out.writeEndObject();
        }
        out.writeEndObject();
        out.writeEndObject();
        endLine();
    }

    public void flush() {
        out.flush();
    }

    /** Flushes; the underlying stream stays open. */
    @Override
    public void close() {
        out.close();
    }

    private void writeHead(AgencyHead head) {
        out.writeStartObject();
        out.writeStringProperty("agencyId", head.agencyId());
        out.writeNumberProperty("size", head.size());
        out.writeStringProperty("rootHash", Json.b64(head.root()));
        out.writeNumberProperty("logIndex", head.logIndex());
        writeHashes("proof", head.proof());
        out.writeEndObject();
    }

    private void writeHashes(String name, List<byte[]> hashes) {
        out.writeName(name);
        out.writeStartArray();
        for (byte[] hash : hashes) {
            out.writeString(Json.b64(hash));
        }
        out.writeEndArray();
    }

    private void endLine() {
        out.writeRaw('\n');
    }
}
