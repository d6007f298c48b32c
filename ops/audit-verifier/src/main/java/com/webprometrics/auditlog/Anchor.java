package com.webprometrics.auditlog;

import java.util.List;

/**
 * An export's optional {@code anchor} line: the log's root at an earlier checkpoint size, the consistency proof from
 * it to the export's checkpoint, and the agency's last head before it (null when it had none).
 */
public record Anchor(long size, byte[] root, List<byte[]> consistency, AgencyHead head) {
    public Anchor {
        Hashes.requireHash(root, "an anchor's root");
        consistency = List.copyOf(consistency);
    }
}
