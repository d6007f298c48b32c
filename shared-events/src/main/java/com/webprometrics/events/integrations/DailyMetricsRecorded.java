package com.webprometrics.events.integrations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * One integration's numbers for one day. A later event for the same integration and day replaces the
 * earlier one entirely (providers revise recent days), so replaying the log rebuilds the same dashboard.
 * {@code metrics} uses the normalized vocabulary (sessions, users, conversions, revenue, impressions,
 * clicks, cost, …; sums only — ratios such as CTR are derived when read); money is in {@code currency}.
 */
public record DailyMetricsRecorded(UUID integrationId, UUID agencyId, UUID clientId, String provider,
                                   LocalDate date, Map<String, BigDecimal> metrics, String currency) {
}
