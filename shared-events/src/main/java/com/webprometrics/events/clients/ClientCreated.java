package com.webprometrics.events.clients;

import java.util.UUID;

public record ClientCreated(UUID clientId, UUID agencyId, String name, String website, String industry,
                            String contactEmail, String notes) {
}
