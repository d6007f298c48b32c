package com.webprometrics.auditlog;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** An agency's head as a checkpoint's log holds it, with its inclusion proof at {@code logIndex}. */
public record AgencyHead(String agencyId, long size, byte[] root, long logIndex, List<byte[]> proof) {
    public AgencyHead {
        Hashes.requireHash(root, "a head's root");
        proof = List.copyOf(proof);
    }

    public HeadLeaf leaf() {
        return new HeadLeaf(agencyId, size, root);
    }

    /** Whether this head is leaf {@code logIndex} of the log that {@code checkpoint} signs. */
    public boolean inLog(Checkpoint checkpoint) {
        return Merkle.verifyInclusion(leaf().leafHash(), logIndex, checkpoint.size(), proof, checkpoint.root());
    }

    ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("agencyId", agencyId);
        json.put("size", size);
        json.put("rootHash", Json.b64(root));
        json.put("logIndex", logIndex);
        json.set("proof", Json.hashes(proof));
        return json;
    }

    static AgencyHead fromJson(JsonNode json, String where) {
        Json.onlyFields(json, where, "agencyId", "size", "rootHash", "logIndex", "proof");
        long size = Json.number(json, "size", where);
        long logIndex = Json.number(json, "logIndex", where);
        if (size < 0 || logIndex < 0) {
            throw new ExportFormatException(where + " has a negative size or logIndex");
        }
        return new AgencyHead(Json.text(json, "agencyId", where), size, Json.hash(json, "rootHash", where), logIndex,
                Json.hashList(json, "proof", where));
    }
}
