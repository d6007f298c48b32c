package com.webprometrics.events.clients;

import java.util.UUID;

public record ClientRestored(UUID clientId, UUID agencyId) {
}
