package com.webprometrics.events.integrations;

import java.time.LocalDate;
import java.util.UUID;

/** A sync of the days {@code from}..{@code to} (inclusive, in the agency's time zone) began. */
public record IntegrationSyncStarted(UUID integrationId, UUID agencyId, UUID clientId, String provider,
                                     UUID syncId, LocalDate from, LocalDate to, String trigger) {
}
