package com.webprometrics.command.integrations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Map;

/** Only non-secret settings (property id, account id, currency); credentials never travel here. */
record ConnectRequest(
        @NotBlank @Size(max = 40) String provider,
        @Size(max = 20) Map<@NotBlank @Size(max = 100) String, @NotNull @Size(max = 500) String> settings,
        @Size(max = 200) String accountName) {
}
