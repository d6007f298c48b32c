package com.webprometrics.events.reports;

import com.webprometrics.events.PersonalData;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The file was handed to the SMTP server for {@code recipients}. The exact bytes are kept by the command side
 * under {@code deliveryId}; {@code sha256} (hex) and {@code sizeBytes} identify them, {@code from}..{@code to}
 * is the range they cover and {@code dataPosition} the global event position every read model had reached
 * when the file was rendered.
 */
public record ReportDelivered(UUID reportId, UUID agencyId, UUID clientId, UUID deliveryId, String format,
                              LocalDate from, LocalDate to, @PersonalData(subject = "client-contact", id = "clientId") List<String> recipients, String fileName, String sha256,
                              long sizeBytes, long dataPosition, Instant deliveredAt, int attempt) {
}
