package com.webprometrics.events.clients;

import com.webprometrics.events.PersonalData;

import java.util.UUID;

/** The client's details after a (partial) update: every field carries its new value. */
public record ClientDetailsUpdated(UUID clientId, UUID agencyId, String name, String website, String industry,
                                   @PersonalData(subject = "client-contact", id = "clientId") String contactEmail, String notes) {
}
