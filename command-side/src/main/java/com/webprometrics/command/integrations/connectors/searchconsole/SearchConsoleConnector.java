package com.webprometrics.command.integrations.connectors.searchconsole;

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Google Search Console through {@code sites/{siteUrl}/searchAnalytics/query} (wire-format reference §7): one
 * row per day with {@code dimensions: [date]}, final data only, pages by {@code startRow} until a short page.
 * The numbers are organic search: impressions and clicks go to {@code organic_impressions} and
 * {@code organic_clicks} (never the paid ones), and the average position is kept as
 * {@code position × impressions} so it can be averaged correctly over any range. Rows come sorted by clicks,
 * dates are Pacific time, and the last days are not final yet: days after the last reported one are not
 * recorded as zeros.
 */
@Component
public class SearchConsoleConnector implements MetricsProvider {
    static final List<String> METRICS = List.of("organic_impressions", "organic_clicks", "position_x_impressions");
    static final String TIME_ZONE = "America/Los_Angeles";
    private static final Pattern SITE = Pattern.compile("(sc-domain:[^\\s/]+|https?://\\S+)");
    private static final int MAX_PAGES = 100;
    private static final String NAME = "Search Console";

    private final GoogleApi api;
    private final ProviderProperties.SearchConsole config;

    SearchConsoleConnector(GoogleApi api, ProviderProperties properties) {
        this.api = api;
        this.config = properties.searchConsole();
    }

    @Override
    public String key() {
        return ProviderInfo.SEARCH_CONSOLE;
    }

    @Override
    public int refetchDays() {
        return config.refetchDays();
    }

    /** {@code siteUrl}: the property exactly as Search Console names it ({@code sc-domain:example.com} or a URL prefix). */
    @Override
    public Map<String, String> checkSettings(Map<String, String> settings) {
        String site = Settings.require(settings, "siteUrl", SITE, null,
                "the Search Console property, e.g. sc-domain:example.com or https://www.example.com/");
        return Settings.with(settings, "siteUrl", site);
    }

    @Override
    public Fetched fetch(FetchRequest request) {
        String site = URLEncoder.encode(request.settings().get("siteUrl"), StandardCharsets.UTF_8).replace("+", "%20");
        URI uri = URI.create(config.baseUrl() + "/webmasters/v3/sites/" + site + "/searchAnalytics/query");
        Map<LocalDate, Map<String, BigDecimal>> found = new HashMap<>();
        int rowLimit = config.rowLimit();
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("startDate", request.from().toString());
            body.put("endDate", request.to().toString());
            body.put("dimensions", List.of("date"));
            body.put("type", "web");
            body.put("dataState", "final");
            body.put("aggregationType", "auto");
            body.put("rowLimit", rowLimit);
            body.put("startRow", page * rowLimit);
            JsonNode rows = api.post(NAME, request.integrationId(), uri, Json.body(body), Map.of()).path("rows");
            for (JsonNode row : rows) {
                BigDecimal impressions = Json.number(row.path("impressions"));
                Map<String, BigDecimal> values = new LinkedHashMap<>();
                values.put("organic_impressions", Json.plain(impressions));
                values.put("organic_clicks", Json.plain(Json.number(row.path("clicks"))));
                values.put("position_x_impressions", Json.plain(Json.number(row.path("position")).multiply(impressions)));
                found.put(date(row.path("keys").path(0).asText()), values);
            }
            if (rows.size() < rowLimit) {
                break;
            }
        }
        return new Fetched(Days.throughLastReported(request.from(), found, METRICS), null, TIME_ZONE);
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ProviderFailure(ProviderFailure.PROVIDER, "Search Console returned an unreadable date.");
        }
    }
}
