package com.webprometrics.events.reports;

import com.webprometrics.events.PersonalData;

import java.util.List;
import java.util.UUID;

/**
 * The report is e-mailed {@code weekly} (Mondays) or {@code monthly} (the 1st), in the agency's time zone
 * {@code timeZone}, as {@code format} ({@code pdf} or {@code csv}) to {@code recipients}. Recorded again
 * whenever the schedule changes; the latest one is in force. Recipients are the only personal data here.
 */
public record ReportScheduled(UUID reportId, UUID agencyId, UUID clientId, String frequency, String format,
                              @PersonalData(subject = "client-contact", id = "clientId") List<String> recipients, String timeZone) {
}
