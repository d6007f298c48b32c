package com.webprometrics.command.clients;

import java.util.Map;
import java.util.Objects;

/** A client's descriptive fields. Field names match the API's JSON and the keys of a patch. */
public record ClientDetails(String name, String website, String industry, String contactEmail, String notes) {

    public ClientDetails patchedWith(Map<String, String> changes) {
        return new ClientDetails(
                changes.containsKey("name") ? changes.get("name") : name,
                changes.containsKey("website") ? changes.get("website") : website,
                changes.containsKey("industry") ? changes.get("industry") : industry,
                changes.containsKey("contactEmail") ? changes.get("contactEmail") : contactEmail,
                changes.containsKey("notes") ? changes.get("notes") : notes);
    }

    public boolean sameAs(ClientDetails other) {
        return Objects.equals(this, other);
    }
}
