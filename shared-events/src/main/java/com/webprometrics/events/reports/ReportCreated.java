package com.webprometrics.events.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A saved report for one client: the metrics (catalogue keys, in the order shown) and either a fixed range
 * ({@code from}..{@code to}, inclusive days) or a relative one ({@code range}: {@code last_7_days},
 * {@code last_30_days}, {@code last_month}, {@code last_90_days}), evaluated when the report is read or
 * delivered, in the agency's time zone ({@code timeZone}, as it was when the report was created). Exactly one
 * of the two is set.
 */
public record ReportCreated(UUID reportId, UUID agencyId, UUID clientId, String title, List<String> metrics,
                            LocalDate from, LocalDate to, String range, String timeZone) {
}
