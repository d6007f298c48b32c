package com.webprometrics.command.integrations;

import com.webprometrics.platform.domain.DomainException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every provider the product knows, in one place. A provider that is not {@code available} yet is
 * refused on connect. {@code fetched}: synced by asking a {@link MetricsProvider}; otherwise filled by
 * uploads. {@code syncOnConnect}: the first sync runs as part of connecting.
 */
public final class Providers {
    public enum AuthType { NONE, UPLOAD, OAUTH2, API_KEY }

    public record Provider(String key, String name, AuthType authType, boolean available, boolean fetched,
                           boolean syncOnConnect, String defaultAccountName) {
    }

    public static final String DEMO = "demo";
    public static final String CSV = "csv";
    public static final String CSV_UPLOAD_TRIGGER = "csv-upload";

    private static final Map<String, Provider> ALL = new LinkedHashMap<>();

    static {
        add(new Provider(DEMO, "Demo data", AuthType.NONE, true, true, true, "Demo data"));
        add(new Provider(CSV, "CSV upload", AuthType.UPLOAD, true, false, false, "CSV upload"));
        add(new Provider("ga4", "Google Analytics 4", AuthType.OAUTH2, false, true, false, null));
        add(new Provider("google-ads", "Google Ads", AuthType.OAUTH2, false, true, false, null));
        add(new Provider("meta-ads", "Meta Ads", AuthType.OAUTH2, false, true, false, null));
        add(new Provider("search-console", "Google Search Console", AuthType.OAUTH2, false, true, false, null));
    }

    private Providers() {
    }

    private static void add(Provider provider) {
        ALL.put(provider.key(), provider);
    }

    public static Optional<Provider> find(String key) {
        return Optional.ofNullable(key == null ? null : ALL.get(key));
    }

    /** @throws DomainException INVALID for an unknown provider or one that is not available yet */
    public static Provider available(String key) {
        Provider provider = find(key).orElseThrow(() -> new DomainException(DomainException.Kind.INVALID,
                "Unknown provider", "There is no provider \"" + key + "\"."));
        if (!provider.available()) {
            throw new DomainException(DomainException.Kind.INVALID, "Provider not available",
                    "Provider " + key + " is not available yet.");
        }
        return provider;
    }

    public static Map<String, Provider> all() {
        return Map.copyOf(ALL);
    }
}
