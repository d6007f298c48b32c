package com.webprometrics.command.support;

import com.webprometrics.command.integrations.ProviderProperties;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** {@code wpm.providers} for tests that build connectors by hand: every host at {@code base}, fake client secrets. */
public final class TestProviders {
    public static final String GOOGLE_CLIENT_ID = "test-client.apps.googleusercontent.com";
    public static final String GOOGLE_CLIENT_SECRET = "test-google-secret";
    public static final String META_APP_ID = "1234567890";
    public static final String META_APP_SECRET = "test-meta-secret";

    private TestProviders() {
    }

    public static ProviderProperties at(String base, boolean google, boolean meta) {
        return at(base, google, meta, http(4, Duration.ofMinutes(5)));
    }

    public static ProviderProperties at(String base, boolean google, boolean meta, ProviderProperties.Http http) {
        return at(base, google, meta, http, 0);
    }

    /** @param pageSize rows per page for GA4, Search Console and Meta (0: the production defaults) */
    public static ProviderProperties at(String base, boolean google, boolean meta, ProviderProperties.Http http,
                                        int pageSize) {
        URI root = URI.create(base);
        return new ProviderProperties(URI.create("https://app.wpm.test/api/integrations/oauth/callback"),
                Duration.ofMinutes(10),
                new ProviderProperties.Google(google ? GOOGLE_CLIENT_ID : "", google ? GOOGLE_CLIENT_SECRET : "",
                        URI.create(base + "/o/oauth2/v2/auth"), URI.create(base + "/token"), URI.create(base + "/revoke")),
                new ProviderProperties.Ga4(root, 3, pageSize > 0 ? pageSize : 10_000),
                new ProviderProperties.GoogleAds(root, "v26", "", 14),
                new ProviderProperties.SearchConsole(root, 5, pageSize > 0 ? pageSize : 25_000),
                new ProviderProperties.Meta(meta ? META_APP_ID : "", meta ? META_APP_SECRET : "", root, root, "v27.0", 7, pageSize > 0 ? pageSize : 100,
                        List.of("omni_purchase", "purchase", "offsite_conversion.fb_pixel_purchase"),
                        List.of("lead", "onsite_conversion.lead_grouped", "offsite_conversion.fb_pixel_lead"),
                        List.of("omni_add_to_cart", "add_to_cart", "offsite_conversion.fb_pixel_add_to_cart"),
                        List.of("video_view")),
                http);
    }

    public static ProviderProperties.Http http(int maxAttempts, Duration ceiling) {
        return new ProviderProperties.Http(Duration.ofSeconds(2), Duration.ofSeconds(5), maxAttempts, Duration.ofSeconds(2),
                Duration.ofSeconds(60), ceiling);
    }
}
