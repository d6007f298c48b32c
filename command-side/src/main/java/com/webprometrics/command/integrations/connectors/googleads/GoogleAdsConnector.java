package com.webprometrics.command.integrations.connectors.googleads;

import com.fasterxml.jackson.databind.JsonNode;
import com.webprometrics.command.integrations.MetricsProvider;
import com.webprometrics.command.integrations.ProviderFailure;
import com.webprometrics.command.integrations.ProviderProperties;
import com.webprometrics.command.integrations.connectors.Days;
import com.webprometrics.command.integrations.connectors.GoogleApi;
import com.webprometrics.command.integrations.connectors.Json;
import com.webprometrics.command.integrations.connectors.Settings;
import com.webprometrics.events.catalogue.ProviderInfo;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Google Ads through {@code customers/{id}/googleAds:searchStream} with GAQL (wire-format reference §5):
 * account totals per day {@code FROM customer}, answered as a top-level JSON array of batches; int64 values
 * arrive as strings, {@code cost_micros} is divided by a million; currency and time zone come from the same
 * query. {@code login-customer-id} is sent when the account is reached through a manager, the developer
 * token only when configured. Only fields verified in the reference are queried (impressions, clicks,
 * cost, conversions, conversion value); video views and calls are not fetched yet.
 */
@Component
public class GoogleAdsConnector implements MetricsProvider {
    static final List<String> METRICS = List.of("impressions", "clicks", "cost", "conversions", "revenue");
    private static final Pattern CUSTOMER = Pattern.compile("\\d{10}");
    private static final String NAME = "Google Ads";

    private final GoogleApi api;
    private final ProviderProperties.GoogleAds config;

    GoogleAdsConnector(GoogleApi api, ProviderProperties properties) {
        this.api = api;
        this.config = properties.googleAds();
    }

    @Override
    public String key() {
        return ProviderInfo.GOOGLE_ADS;
    }

    @Override
    public int refetchDays() {
        return config.refetchDays();
    }

    /** {@code customerId} (10 digits, dashes allowed) and, for accounts under a manager, {@code loginCustomerId}. */
    @Override
    public Map<String, String> checkSettings(Map<String, String> settings) {
        String customer = Settings.require(settings, "customerId", CUSTOMER, "-",
                "the 10-digit Google Ads customer id, e.g. 555-000-1234");
        Map<String, String> checked = Settings.with(settings, "customerId", customer);
        String login = settings.get("loginCustomerId");
        if (login != null && !login.isBlank()) {
            checked = Settings.with(checked, "loginCustomerId", Settings.require(settings, "loginCustomerId", CUSTOMER,
                    "-", "the 10-digit manager (MCC) account id, or leave it out"));
        }
        return checked;
    }

    @Override
    public Fetched fetch(FetchRequest request) {
        String customer = request.settings().get("customerId");
        URI uri = URI.create(config.baseUrl() + "/" + config.apiVersion() + "/customers/" + customer
                + "/googleAds:searchStream");
        Map<String, String> headers = new LinkedHashMap<>();
        String login = request.settings().get("loginCustomerId");
        if (login != null && !login.isBlank()) {
            headers.put("login-customer-id", login);
        }
        if (config.developerToken() != null && !config.developerToken().isBlank()) {
            headers.put("developer-token", config.developerToken());
        }
        String query = "SELECT segments.date, customer.currency_code, customer.time_zone, metrics.impressions, "
                + "metrics.clicks, metrics.cost_micros, metrics.conversions, metrics.conversions_value FROM customer "
                + "WHERE segments.date BETWEEN '" + request.from() + "' AND '" + request.to() + "' ORDER BY segments.date";
        JsonNode batches = api.post(NAME, request.integrationId(), uri, Json.body(Map.of("query", query)), headers);
        Map<LocalDate, Map<String, BigDecimal>> found = new HashMap<>();
        String currency = null;
        String timeZone = null;
        for (JsonNode batch : batches) {
            for (JsonNode result : batch.path("results")) {
                LocalDate date = date(result.path("segments").path("date").asText());
                JsonNode m = result.path("metrics");
                Map<String, BigDecimal> values = new LinkedHashMap<>();
                values.put("impressions", Json.number(m.path("impressions")));
                values.put("clicks", Json.number(m.path("clicks")));
                values.put("cost", Json.plain(Json.number(m.path("costMicros")).movePointLeft(6)));
                values.put("conversions", Json.number(m.path("conversions")));
                values.put("revenue", Json.number(m.path("conversionsValue")));
                found.merge(date, values, GoogleAdsConnector::add);
                currency = result.path("customer").path("currencyCode").asText(currency);
                timeZone = result.path("customer").path("timeZone").asText(timeZone);
            }
        }
        return new Fetched(Days.everyDay(request.from(), request.to(), found, METRICS), currency, timeZone);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ProviderFailure(ProviderFailure.PROVIDER, "Google Ads returned an unreadable date.");
        }
    }

    /** One row per day is expected from {@code FROM customer}; should a day come twice, its numbers add up. */
    private static Map<String, BigDecimal> add(Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
        Map<String, BigDecimal> sum = new LinkedHashMap<>(a);
        b.forEach((k, v) -> sum.merge(k, v, BigDecimal::add));
        return sum;
    }
}
