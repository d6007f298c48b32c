package com.webprometrics.events.clients;

import com.webprometrics.events.PersonalData;

import java.util.UUID;

public record ClientCreated(UUID clientId, UUID agencyId, String name, String website, String industry,
                            @PersonalData(subject = "client-contact", id = "clientId") String contactEmail, String notes) {
}
