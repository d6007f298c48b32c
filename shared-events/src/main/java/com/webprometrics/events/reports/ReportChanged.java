package com.webprometrics.events.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The report's whole new definition (title, metrics, range), as in {@link ReportCreated}. */
public record ReportChanged(UUID reportId, UUID agencyId, UUID clientId, String title, List<String> metrics,
                            LocalDate from, LocalDate to, String range) {
}
