package com.webprometrics.command.integrations;

import com.webprometrics.events.catalogue.ProviderInfo;
import com.webprometrics.platform.domain.DomainException;

import java.util.Optional;
import java.util.Set;

/**
 * The providers this command side can connect: the shared {@link ProviderInfo} catalogue, narrowed to
 * those with a working connector. A provider that is not available is refused on connect.
 */
public final class Providers {
    public static final String CSV_UPLOAD_TRIGGER = "csv-upload";

    private static final Set<String> AVAILABLE = Set.of(ProviderInfo.DEMO, ProviderInfo.CSV);

    private Providers() {
    }

    public static Optional<ProviderInfo> find(String key) {
        return ProviderInfo.find(key);
    }

    /** @throws DomainException INVALID for an unknown provider or one that is not available yet */
    public static ProviderInfo available(String key) {
        ProviderInfo provider = find(key).orElseThrow(() -> new DomainException(DomainException.Kind.INVALID,
                "Unknown provider", "There is no provider \"" + key + "\"."));
        if (!AVAILABLE.contains(provider.key())) {
            throw new DomainException(DomainException.Kind.INVALID, "Provider not available",
                    "Provider " + key + " is not available yet.");
        }
        return provider;
    }
}
