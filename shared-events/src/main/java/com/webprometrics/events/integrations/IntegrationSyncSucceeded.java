package com.webprometrics.events.integrations;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A sync of {@code from}..{@code to} finished; {@code daysRecorded} days had changed numbers.
 *
 * @param currency the account currency the provider reported (null when it reports none or for events
 *                 recorded before it was added)
 * @param timeZone the provider's reporting time zone its dates are in (GA4 property, Ads/Meta account,
 *                 Search Console's Pacific time); null when unknown
 */
public record IntegrationSyncSucceeded(UUID integrationId, UUID agencyId, UUID clientId, String provider,
                                       UUID syncId, LocalDate from, LocalDate to, int daysRecorded,
                                       String currency, String timeZone) {

    /** Without currency and time zone, as recorded before the fields existed. */
    public IntegrationSyncSucceeded(UUID integrationId, UUID agencyId, UUID clientId, String provider, UUID syncId,
                                    LocalDate from, LocalDate to, int daysRecorded) {
        this(integrationId, agencyId, clientId, provider, syncId, from, to, daysRecorded, null, null);
    }
}
