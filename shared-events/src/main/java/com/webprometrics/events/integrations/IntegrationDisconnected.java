package com.webprometrics.events.integrations;

import java.util.UUID;

/** The connection ended; its credentials were destroyed. Recorded metrics stay (they are history). */
public record IntegrationDisconnected(UUID integrationId, UUID agencyId, UUID clientId, String provider) {
}
