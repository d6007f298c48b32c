package com.webprometrics.events.clients;

import java.util.UUID;

public record ClientArchived(UUID clientId, UUID agencyId) {
}
