package com.webprometrics.auditlog;

import java.util.Arrays;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A checkpoint with the Ed25519 signature of its body and the RFC 7638 thumbprint of the signing key. */
public record SignedCheckpoint(Checkpoint checkpoint, String keyId, byte[] signature) {
    public SignedCheckpoint {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(signature, "signature");
    }

    /** Whether {@code key} is the key named by {@link #keyId()} and its signature of the body verifies. */
    public boolean verify(CheckpointKey key) {
        return key.keyId().equals(keyId) && key.verify(checkpoint.body(), signature);
    }

    public long size() {
        return checkpoint.size();
    }

    public byte[] root() {
        return checkpoint.root();
    }

    /** {@code {"origin","size","rootHash","timestamp","keyId","signature"}}. */
    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("origin", checkpoint.origin());
        json.put("size", checkpoint.size());
        json.put("rootHash", Json.b64(checkpoint.root()));
        json.put("timestamp", checkpoint.timestamp());
        json.put("keyId", keyId);
        json.put("signature", Json.b64(signature));
        return json;
    }

    static SignedCheckpoint fromJson(JsonNode json, String where) {
        long size = Json.number(json, "size", where);
        if (size < 0) {
            throw new ExportFormatException(where + ".size is negative");
        }
        String origin = Json.text(json, "origin", where);
        String timestamp = Json.text(json, "timestamp", where);
        if (origin.isEmpty() || origin.contains("\n") || timestamp.isEmpty() || timestamp.contains("\n")) {
            throw new ExportFormatException(where + " has an origin or timestamp that is not one line");
        }
        return new SignedCheckpoint(new Checkpoint(origin, size, Json.hash(json, "rootHash", where), timestamp),
                Json.text(json, "keyId", where), Json.bytes(json, "signature", where));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedCheckpoint s && s.checkpoint.equals(checkpoint) && s.keyId.equals(keyId)
                && Arrays.equals(s.signature, signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(checkpoint, keyId, Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "SignedCheckpoint[" + checkpoint + ", keyId=" + keyId + "]";
    }
}
