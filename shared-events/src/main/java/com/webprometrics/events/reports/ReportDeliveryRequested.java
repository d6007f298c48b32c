package com.webprometrics.events.reports;

import com.webprometrics.events.PersonalData;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A delivery was asked for: by the schedule ({@code trigger = "schedule"}, {@code asOf} = the scheduled day)
 * or by a user ({@code "manual"}, {@code asOf} = that day in the agency's time zone). A relative range is
 * evaluated as of {@code asOf} (the days before it), so a retried delivery still covers the same days.
 *
 * @param title the report's title when it was requested, for the e-mail (added later: null in older events)
 */
public record ReportDeliveryRequested(UUID reportId, UUID agencyId, UUID clientId, UUID deliveryId, String trigger,
                                      String format, @PersonalData(subject = "client-contact", id = "clientId") List<String> recipients, LocalDate asOf, String title) {
}
