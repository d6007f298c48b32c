package com.webprometrics.query.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One delivery of a report: who asked (the schedule or a user), to whom, its status ({@code requested},
 * {@code retrying}, {@code delivered}, {@code failed}, {@code cancelled}) and, once delivered, the file: name,
 * SHA-256, size, the range it covers and the event position its data was built from. {@code fileUrl} downloads
 * the exact bytes that were sent.
 */
public record DeliveryView(UUID id, UUID reportId, String reportTitle, UUID clientId, String trigger, String format,
                           List<String> recipients, LocalDate asOf, String status, int attempts, Instant requestedAt,
                           UUID requestedBy, Instant deliveredAt, LocalDate from, LocalDate to, String fileName,
                           String sha256, Long sizeBytes, Long dataPosition, String lastReason, String lastError,
                           Instant nextAttemptAt, String fileUrl) {
}
