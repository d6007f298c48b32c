package com.webprometrics.command.integrations.connectors.ga4;

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
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Google Analytics 4 through the Data API v1beta {@code properties/{id}:runReport} (wire-format reference §4):
 * one row per day (the {@code date} dimension comes back as {@code YYYYMMDD}), metric values as strings
 * matched by {@code metricHeaders} name, pages by {@code offset}/{@code limit} until {@code rowCount}. The
 * property's currency and time zone come from the response metadata. Ten metrics is the API's per-request
 * maximum.
 */
@Component
public class Ga4Connector implements MetricsProvider {
    /** GA4 metric → our vocabulary ({@code keyEvents} is GA4's name for conversions since 2024). */
    static final Map<String, String> METRICS;
    private static final List<String> ORDER;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("sessions", "sessions");
        m.put("totalUsers", "users");
        m.put("newUsers", "new_users");
        m.put("engagedSessions", "engaged_sessions");
        m.put("screenPageViews", "page_views");
        m.put("userEngagementDuration", "engagement_seconds");
        m.put("keyEvents", "conversions");
        m.put("totalRevenue", "revenue");
        m.put("transactions", "transactions");
        m.put("addToCarts", "add_to_carts");
        METRICS = Map.copyOf(m);
        ORDER = List.copyOf(m.keySet());
    }

    private static final Pattern PROPERTY = Pattern.compile("\\d{1,20}");
    private static final int MAX_PAGES = 100;
    private static final String NAME = "Google Analytics";

    private final GoogleApi api;
    private final ProviderProperties.Ga4 config;

    Ga4Connector(GoogleApi api, ProviderProperties properties) {
        this.api = api;
        this.config = properties.ga4();
    }

    @Override
    public String key() {
        return ProviderInfo.GA4;
    }

    @Override
    public int refetchDays() {
        return config.refetchDays();
    }

    /** {@code propertyId}: the numeric GA4 property id; {@code properties/123} is accepted too. */
    @Override
    public Map<String, String> checkSettings(Map<String, String> settings) {
        String id = Settings.require(settings, "propertyId", PROPERTY, "^properties/",
                "the numeric GA4 property id (Admin → Property settings), e.g. 412345678");
        return Settings.with(settings, "propertyId", id);
    }

    @Override
    public Fetched fetch(FetchRequest request) {
        URI uri = URI.create(config.baseUrl() + "/v1beta/properties/" + request.settings().get("propertyId") + ":runReport");
        Map<LocalDate, Map<String, BigDecimal>> found = new HashMap<>();
        String currency = null;
        String timeZone = null;
        long offset = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode report = api.post(NAME, request.integrationId(), uri, Json.body(body(request, offset)), Map.of());
            readRows(report, found);
            currency = report.path("metadata").path("currencyCode").asText(currency);
            timeZone = report.path("metadata").path("timeZone").asText(timeZone);
            long rowCount = report.path("rowCount").asLong(0);
            offset += config.pageSize();
            if (offset >= rowCount) {
                break;
            }
        }
        List<String> ours = ORDER.stream().map(METRICS::get).toList();
        return new Fetched(Days.everyDay(request.from(), request.to(), found, ours), currency, timeZone);
    }

    private Map<String, Object> body(FetchRequest request, long offset) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dateRanges", List.of(Map.of("startDate", request.from().toString(), "endDate", request.to().toString())));
        body.put("dimensions", List.of(Map.of("name", "date")));
        body.put("metrics", ORDER.stream().map(name -> Map.of("name", name)).toList());
        body.put("orderBys", List.of(Map.of("dimension", Map.of("dimensionName", "date"))));
        body.put("keepEmptyRows", true);
        body.put("limit", config.pageSize());
        body.put("offset", offset);
        body.put("returnPropertyQuota", true);
        return body;
    }

    private static void readRows(JsonNode report, Map<LocalDate, Map<String, BigDecimal>> found) {
        List<String> headers = new ArrayList<>();
        report.path("metricHeaders").forEach(h -> headers.add(h.path("name").asText()));
        for (JsonNode row : report.path("rows")) {
            String raw = row.path("dimensionValues").path(0).path("value").asText();
            LocalDate date;
            try {
                date = LocalDate.parse(raw, DateTimeFormatter.BASIC_ISO_DATE);
            } catch (DateTimeParseException e) {
                throw new ProviderFailure(ProviderFailure.PROVIDER, "Google Analytics returned an unreadable date.");
            }
            Map<String, BigDecimal> values = found.computeIfAbsent(date, d -> new LinkedHashMap<>());
            JsonNode metricValues = row.path("metricValues");
            for (int i = 0; i < headers.size(); i++) {
                String ours = METRICS.get(headers.get(i));
                if (ours != null) {
                    values.put(ours, Json.number(metricValues.path(i).path("value")));
                }
            }
        }
    }
}
