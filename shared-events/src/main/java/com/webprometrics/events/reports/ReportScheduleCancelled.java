package com.webprometrics.events.reports;

import java.util.UUID;

/** No more scheduled deliveries; deliveries already requested still go out. */
public record ReportScheduleCancelled(UUID reportId, UUID agencyId, UUID clientId) {
}
