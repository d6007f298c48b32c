package com.webprometrics.command.clients;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The client fields the API accepts; the same constraints apply to creates and to each patched field. */
record ClientRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 500) @Pattern(regexp = "^(https?://)?[A-Za-z0-9.-]+\\.[A-Za-z]{2,}(:\\d+)?(/\\S*)?$",
                message = "must be a web address like https://example.com") String website,
        @Size(max = 100) String industry,
        @Email @Size(max = 254) String contactEmail,
        @Size(max = 5000) String notes) {

    ClientDetails toDetails() {
        return new ClientDetails(name.trim(), blankToNull(website), blankToNull(industry), blankToNull(contactEmail),
                blankToNull(notes));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
