package com.webprometrics.command.integrations.connectors.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.webprometrics.command.integrations.MetricsProvider;
import com.webprometrics.command.integrations.ProviderFailure;
import com.webprometrics.command.integrations.ProviderProperties;
import com.webprometrics.command.integrations.connectors.Days;
import com.webprometrics.command.integrations.connectors.Json;
import com.webprometrics.command.integrations.connectors.Settings;
import com.webprometrics.command.integrations.http.ProviderHttp;
import com.webprometrics.command.integrations.oauth.Grants;
import com.webprometrics.command.integrations.oauth.MetaErrors;
import com.webprometrics.command.integrations.oauth.MetaOAuth;
import com.webprometrics.events.catalogue.ProviderInfo;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Meta Ads through the Insights edge {@code /act_{id}/insights} (wire-format reference §6): account level, one
 * row per day ({@code time_increment=1}), numbers as strings, money in major units. Conversions, revenue,
 * leads and add-to-carts come from {@code actions}/{@code action_values}, taking the first present action type
 * of a preference list — Meta reports one purchase under several types, so they are never summed. Pages follow
 * {@code paging.next}, re-pointed at the configured Graph host (the link names the production host).
 * Errors are classified on Meta's codes: 190 means reconnect, throttles arrive as HTTP 400.
 */
@Component
public class MetaAdsConnector implements MetricsProvider {
    static final List<String> METRICS = List.of("impressions", "clicks", "link_clicks", "cost", "conversions", "revenue",
            "leads", "add_to_carts", "video_views");
    private static final Pattern ACCOUNT = Pattern.compile("act_\\d{1,30}");
    private static final String FIELDS = "impressions,clicks,inline_link_clicks,spend,actions,action_values,account_currency";
    private static final int MAX_PAGES = 200;
    private static final String NAME = "Meta Ads";

    private final ProviderHttp http;
    private final Grants grants;
    private final MetaOAuth oauth;
    private final ProviderProperties.Meta config;

    MetaAdsConnector(ProviderHttp http, Grants grants, MetaOAuth oauth, ProviderProperties properties) {
        this.http = http;
        this.grants = grants;
        this.oauth = oauth;
        this.config = properties.meta();
    }

    @Override
    public String key() {
        return ProviderInfo.META_ADS;
    }

    @Override
    public int refetchDays() {
        return config.refetchDays();
    }

    /** {@code adAccountId}: {@code act_<digits>}, or just the digits. */
    @Override
    public Map<String, String> checkSettings(Map<String, String> settings) {
        String raw = settings.get("adAccountId");
        String normalized = raw == null ? null : raw.trim().matches("\\d+") ? "act_" + raw.trim() : raw.trim();
        String account = Settings.require(Settings.with(settings, "adAccountId", normalized), "adAccountId", ACCOUNT, null,
                "the ad account id, e.g. act_1029384756 (Ads Manager → account settings)");
        return Settings.with(settings, "adAccountId", account);
    }

    @Override
    public Fetched fetch(FetchRequest request) {
        String token = grants.accessToken(request.integrationId());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("level", "account");
        params.put("fields", FIELDS);
        params.put("time_range", "{\"since\":\"" + request.from() + "\",\"until\":\"" + request.to() + "\"}");
        params.put("time_increment", "1");
        params.put("limit", String.valueOf(config.pageSize()));
        URI next = withQuery(oauth.graph("/" + request.settings().get("adAccountId") + "/insights"),
                oauth.withProof(token, params));
        Map<LocalDate, Map<String, BigDecimal>> found = new HashMap<>();
        String currency = null;
        for (int page = 0; page < MAX_PAGES && next != null; page++) {
            URI uri = next;
            ProviderHttp.Answer answer = http.exchange(NAME, () -> HttpRequest.newBuilder(uri).GET().build(),
                    MetaErrors::verdict);
            JsonNode body = Json.parse(answer.body());
            for (JsonNode row : body.path("data")) {
                found.put(date(row.path("date_start").asText()), values(row));
                currency = row.path("account_currency").asText(currency);
            }
            next = onConfiguredHost(body.path("paging").path("next").asText(null));
        }
        return new Fetched(Days.everyDay(request.from(), request.to(), found, METRICS), currency, null);
    }

    private Map<String, BigDecimal> values(JsonNode row) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        values.put("impressions", Json.number(row.path("impressions")));
        values.put("clicks", Json.number(row.path("clicks")));
        values.put("link_clicks", Json.number(row.path("inline_link_clicks")));
        values.put("cost", Json.number(row.path("spend")));
        String purchase = firstPresent(row.path("actions"), config.purchaseActionTypes());
        values.put("conversions", action(row.path("actions"), purchase));
        values.put("revenue", action(row.path("action_values"), purchase));
        values.put("leads", action(row.path("actions"), firstPresent(row.path("actions"), config.leadActionTypes())));
        values.put("add_to_carts", action(row.path("actions"),
                firstPresent(row.path("actions"), config.addToCartActionTypes())));
        values.put("video_views", action(row.path("actions"),
                firstPresent(row.path("actions"), config.videoViewActionTypes())));
        return values;
    }

    /** The first action type of {@code preferences} that the day reports, or null. */
    private static String firstPresent(JsonNode actions, List<String> preferences) {
        for (String type : preferences) {
            for (JsonNode action : actions) {
                if (type.equals(action.path("action_type").asText())) {
                    return type;
                }
            }
        }
        return null;
    }

    private static BigDecimal action(JsonNode actions, String type) {
        if (type != null) {
            for (JsonNode action : actions) {
                if (type.equals(action.path("action_type").asText())) {
                    return Json.number(action.path("value"));
                }
            }
        }
        return BigDecimal.ZERO;
    }

    /** {@code paging.next} with scheme, host and port of the configured Graph URL, so pages never leave it. */
    private URI onConfiguredHost(String next) {
        if (next == null || next.isBlank()) {
            return null;
        }
        try {
            URI link = new URI(next);
            URI graph = config.graphUrl();
            return new URI(graph.getScheme(), link.getRawUserInfo(), graph.getHost(), graph.getPort(), null, null, null)
                    .resolve(link.getRawPath() + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new ProviderFailure(ProviderFailure.PROVIDER, "Meta returned an unreadable next-page link.");
        }
    }

    private static URI withQuery(URI base, Map<String, String> params) {
        StringBuilder out = new StringBuilder(base.toString());
        char separator = '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            out.append(separator).append(enc(e.getKey())).append('=').append(enc(e.getValue()));
            separator = '&';
        }
        return URI.create(out.toString());
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ProviderFailure(ProviderFailure.PROVIDER, "Meta returned an unreadable date.");
        }
    }
}
