package com.webprometrics.query.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A saved report as listed: its definition and schedule, without computed data. */
public record ReportView(UUID id, UUID clientId, String clientName, String title, List<String> metrics,
                         LocalDate from, LocalDate to, String range, Schedule schedule, String timeZone,
                         Instant createdAt, UUID createdBy, Instant updatedAt, Instant lastDeliveredAt) {

    public record Schedule(String frequency, String format, List<String> recipients) {
    }
}
