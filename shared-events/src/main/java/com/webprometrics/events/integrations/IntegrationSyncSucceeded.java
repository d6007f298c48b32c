package com.webprometrics.events.integrations;

import java.time.LocalDate;
import java.util.UUID;

public record IntegrationSyncSucceeded(UUID integrationId, UUID agencyId, UUID clientId, String provider,
                                       UUID syncId, LocalDate from, LocalDate to, int daysRecorded) {
}
