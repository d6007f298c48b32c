package com.webprometrics.events.catalogue;

import java.util.List;
import java.util.Optional;

/**
 * A provider a client's account can be connected to: the key recorded in integration events, its name,
 * how it authorizes and which base {@link Metric}s it delivers. Whether a provider can be connected on
 * a given installation (a connector and its configuration exist) is the command side's business.
 *
 * @param authType      {@code none}, {@code upload}, {@code oauth2} or {@code api_key}
 * @param fetched       synced by asking the provider; otherwise filled by uploads
 * @param syncOnConnect the first sync starts right after connecting, without an authorization round trip
 */
public record ProviderInfo(String key, String name, String authType, List<String> metrics, boolean fetched,
                           boolean syncOnConnect) {
    public static final String DEMO = "demo";
    public static final String CSV = "csv";
    public static final String GA4 = "ga4";
    public static final String GOOGLE_ADS = "google-ads";
    public static final String META_ADS = "meta-ads";
    public static final String SEARCH_CONSOLE = "search-console";

    public static final List<ProviderInfo> ALL = List.of(
            new ProviderInfo(DEMO, "Demo data", "none", List.of("sessions", "users", "new_users", "engaged_sessions",
                    "page_views", "engagement_seconds", "conversions", "revenue", "transactions", "impressions",
                    "clicks", "cost", "organic_impressions", "organic_clicks", "position_x_impressions"), true, true),
            new ProviderInfo(CSV, "CSV upload", "upload", Metric.KEYS, false, false),
            new ProviderInfo(GA4, "Google Analytics 4", "oauth2", List.of("sessions", "users", "new_users",
                    "engaged_sessions", "page_views", "engagement_seconds", "conversions", "revenue", "transactions",
                    "add_to_carts"), true, false),
            new ProviderInfo(GOOGLE_ADS, "Google Ads", "oauth2", List.of("impressions", "clicks", "cost", "conversions",
                    "revenue", "video_views", "calls"), true, false),
            new ProviderInfo(META_ADS, "Meta Ads", "oauth2", List.of("impressions", "clicks", "link_clicks", "cost",
                    "conversions", "revenue", "leads", "add_to_carts", "video_views"), true, false),
            new ProviderInfo(SEARCH_CONSOLE, "Google Search Console", "oauth2", List.of("organic_impressions",
                    "organic_clicks", "position_x_impressions"), true, false));

    public static Optional<ProviderInfo> find(String key) {
        return ALL.stream().filter(p -> p.key().equals(key)).findFirst();
    }
}
