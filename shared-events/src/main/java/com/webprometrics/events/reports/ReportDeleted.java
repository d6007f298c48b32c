package com.webprometrics.events.reports;

import java.util.UUID;

/**
 * The report is gone for its users, and so is its schedule. What was delivered stays on record: the
 * delivery events and the stored files remain readable by their delivery id.
 */
public record ReportDeleted(UUID reportId, UUID agencyId, UUID clientId) {
}
