package com.webprometrics.auditlog;

import java.util.List;

/**
 * One event of an export: its leaf, the leaf hash as exported, its inclusion proof in the agency tree of the head's
 * size, and the JSON shown for reading ({@code payload}, {@code metaData}), which must be the stored bytes.
 *
 * @param leafHash the exported {@code leaf.hash}; null when not given (then nothing is compared)
 * @param proof null when not given (allowed only for a complete export, whose tree is rebuilt)
 * @param payloadView the reading view's JSON text; null means it is the stored bytes themselves
 * @param metaDataView likewise for the metadata
 */
public record ExportEvent(EventLeaf leaf, byte[] leafHash, List<byte[]> proof, byte[] payloadView,
                          byte[] metaDataView) {
    /** An event as the server has it: the views are the stored bytes. */
    public static ExportEvent of(EventLeaf leaf, List<byte[]> proof) {
        return new ExportEvent(leaf, null, proof, null, null);
    }
}
