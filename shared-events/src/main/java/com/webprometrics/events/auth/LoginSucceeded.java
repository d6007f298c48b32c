package com.webprometrics.events.auth;

import java.util.UUID;

public record LoginSucceeded(UUID userId, UUID agencyId, UUID sessionId) {
}
