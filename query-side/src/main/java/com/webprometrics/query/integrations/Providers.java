package com.webprometrics.query.integrations;

import java.util.List;

/** The providers a client's account can be connected to, and the (summable) metrics each one delivers. */
final class Providers {
    record Provider(String key, String name, String authType, List<String> metrics) {
    }

    static final List<Provider> ALL = List.of(
            new Provider("demo", "Demo data", "none",
                    List.of("sessions", "users", "conversions", "revenue", "impressions", "clicks", "cost")),
            new Provider("csv", "CSV upload", "upload",
                    List.of("sessions", "users", "conversions", "revenue", "impressions", "clicks", "cost")),
            new Provider("ga4", "Google Analytics 4", "oauth2",
                    List.of("sessions", "users", "conversions", "revenue")),
            new Provider("google-ads", "Google Ads", "oauth2",
                    List.of("impressions", "clicks", "cost", "conversions", "revenue")),
            new Provider("meta-ads", "Meta Ads", "oauth2",
                    List.of("impressions", "clicks", "cost", "conversions", "revenue")),
            new Provider("search-console", "Google Search Console", "oauth2",
                    List.of("impressions", "clicks")));

    private Providers() {
    }
}
