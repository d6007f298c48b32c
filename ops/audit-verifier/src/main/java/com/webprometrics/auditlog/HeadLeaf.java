package com.webprometrics.auditlog;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/** A leaf of the global log: an agency's tree head {@code (agencyId, size, root)} at a checkpoint. */
public record HeadLeaf(String agencyId, long size, byte[] root) {
    public static final String TAG = "wpm/audit/head/v1";

    public HeadLeaf {
        agencyId = Objects.requireNonNullElse(agencyId, "");
        Hashes.requireHash(root, "a head's root");
    }

    public byte[] leafData() {
        return new LeafData(TAG, 96).str(agencyId).u64(size).raw(root).toBytes();
    }

    public byte[] leafHash() {
        return Hashes.leafHash(leafData());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HeadLeaf h && h.size == size && h.agencyId.equals(agencyId)
                && Arrays.equals(h.root, root);
    }

    @Override
    public int hashCode() {
        return Objects.hash(agencyId, size, Arrays.hashCode(root));
    }

    @Override
    public String toString() {
        return "HeadLeaf[" + agencyId + ", " + size + ", " + HexFormat.of().formatHex(root) + "]";
    }
}
