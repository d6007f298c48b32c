package com.webprometrics.command.reports;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Every delivered file, byte for byte, with its checksum and the data position it was built from. */
public interface ReportFiles {

    void store(UUID deliveryId, UUID reportId, UUID agencyId, RenderedFile file, String sha256, Instant deliveredAt);

    /** Only the agency's own files. */
    Optional<StoredFile> find(UUID agencyId, UUID reportId, UUID deliveryId);

    record StoredFile(String fileName, String contentType, byte[] content, String sha256, long dataPosition,
                      Instant deliveredAt) {
    }
}
