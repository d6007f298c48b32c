package com.webprometrics.command.billing.provider;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * {@code wpm.billing.provider.*}: where the payment provider's API is, our secret key, the webhook endpoint's
 * secrets (comma-separated: the current and, while one is rolled, the previous) and how far a webhook's timestamp may
 * be from now. {@code ./wpm up} points it at the local stand-in
 * with generated keys when none are configured.
 */
@ConfigurationProperties("wpm.billing.provider")
public record ProviderProperties(URI apiUrl, String secretKey, List<String> webhookSecrets, Duration webhookTolerance,
                                 Duration timeout) {

    /** Bound from the comma-separated setting once, not split again for every webhook. */
    public ProviderProperties {
        webhookSecrets = webhookSecrets == null ? List.of()
                : webhookSecrets.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public boolean configured() {
        return secretKey != null && !secretKey.isBlank() && !webhookSecrets.isEmpty();
    }
}
