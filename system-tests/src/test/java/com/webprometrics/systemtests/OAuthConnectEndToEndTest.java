package com.webprometrics.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Notifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connecting Google Analytics 4 end to end: the packaged stack through the gateway, with a WireMock server as
 * Google (consent page, token endpoint, Data API). The test plays the browser: it follows the authorize URL's
 * state back to the callback with the cookie the connect answer set, lands on the SPA, waits for the first
 * sync and reads the dashboard.
 */
class OAuthConnectEndToEndTest {
    private static final String APP = "https://app.wpm.test";
    private static final String PASSWORD = "correct horse battery staple";
    private static final String REPORT = "/v1beta/properties/412345678:runReport";
    private static final LocalDate YESTERDAY = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    private static final LocalDate D1 = YESTERDAY.minusDays(3);
    private static final LocalDate D2 = YESTERDAY.minusDays(2);
    private static final LocalDate D3 = YESTERDAY.minusDays(1);

    private static WireMockServer google;
    private static Stack stack;

    @BeforeAll
    static void start() {
        google = new WireMockServer(wireMockConfig().dynamicPort().notifier(new Quiet()));
        google.start();
        stack = Stack.builder().name("oauth")
                .env("WPM_GOOGLE_CLIENT_ID", "e2e-client.apps.googleusercontent.com")
                .env("WPM_GOOGLE_CLIENT_SECRET", "e2e-google-secret")
                .env("WPM_GOOGLE_AUTHORIZE_URL", google.baseUrl() + "/o/oauth2/v2/auth")
                .env("WPM_GOOGLE_TOKEN_URL", google.baseUrl() + "/token")
                .env("WPM_GOOGLE_REVOKE_URL", google.baseUrl() + "/revoke")
                .env("WPM_GA4_BASE_URL", google.baseUrl())
                .env("WPM_OAUTH_REDIRECT_URI", APP + "/api/integrations/oauth/callback")
                .start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (google != null) {
            google.stop();
        }
    }

    @Test
    void connectingGa4ThroughGooglesConsentShowsGooglesNumbersOnTheDashboard() {
        google.stubFor(post(urlPathEqualTo("/token")).withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code=e2e-auth-code"))
                .willReturn(json("{\"access_token\":\"ya29.e2e-access\",\"expires_in\":3599,\"refresh_token\":\"1//e2e-refresh\","
                        + "\"scope\":\"https://www.googleapis.com/auth/analytics.readonly\",\"token_type\":\"Bearer\"}")));
        google.stubFor(post(urlPathEqualTo(REPORT)).withHeader("Authorization", equalTo("Bearer ya29.e2e-access"))
                .willReturn(json(report())));

        Api api = stack.api().fromNewAddress();
        ApiResponse signup = api.post("/api/auth/signup", Map.of("agencyName", "OAuth Agency", "name", "Gina",
                "email", "ga4-" + UUID.randomUUID() + "@agency.test", "password", PASSWORD), null);
        assertThat(signup.status()).as(signup.toString()).isEqualTo(201);
        String token = signup.field("accessToken");
        String clientId = api.post("/api/clients", Map.of("name", "Analytics Client"), token).field("id");

        JsonNode providers = api.get("/api/integrations/providers", token).json();
        Map<String, Boolean> available = new LinkedHashMap<>();
        providers.forEach(p -> available.put(p.path("key").asText(), p.path("available").asBoolean()));
        assertThat(available).containsEntry("ga4", true).containsEntry("meta-ads", false).containsEntry("demo", true);

        ApiResponse connected = api.post("/api/clients/" + clientId + "/integrations",
                Map.of("provider", "ga4", "settings", Map.of("propertyId", "412345678")), token);
        assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
        assertThat(connected.field("status")).isEqualTo("pending");
        String integrationId = connected.field("id");
        URI consent = URI.create(connected.field("authorizeUrl"));
        assertThat(consent.getPath()).isEqualTo("/o/oauth2/v2/auth");
        Map<String, String> params = query(consent);
        assertThat(params).containsEntry("client_id", "e2e-client.apps.googleusercontent.com")
                .containsEntry("redirect_uri", APP + "/api/integrations/oauth/callback")
                .containsEntry("code_challenge_method", "S256");
        String setCookie = connected.header("Set-Cookie");
        assertThat(setCookie).as("the gateway passes the browser binding on").startsWith("wpm_oauth_");
        ApiResponse pending = api.get("/api/clients/" + clientId + "/integrations", token, "X-Min-Position",
                connected.field("position"));
        assertThat(pending.json().get(0).path("status").asText()).isEqualTo("pending");

        // Google sends the browser back to the callback: no bearer token, just code, state and the cookie
        ApiResponse back = api.get("/api/integrations/oauth/callback?code=e2e-auth-code&state=" + params.get("state")
                + "&scope=https://www.googleapis.com/auth/analytics.readonly", null,
                "Cookie", setCookie.substring(0, setCookie.indexOf(';')));
        assertThat(back.status()).as(back.toString()).isEqualTo(302);
        assertThat(back.header("Location"))
                .isEqualTo(APP + "/clients/" + clientId + "?integration=" + integrationId + "&oauth=connected");

        JsonNode integration = Eventually.integration(Eventually.synced(api, token, clientId, integrationId), integrationId);
        assertThat(integration.path("status").asText()).as(integration.toString()).isEqualTo("connected");
        assertThat(integration.path("lastError").isNull()).isTrue();
        Eventually.dataThrough(api, token, clientId, "ga4", YESTERDAY);

        ApiResponse dashboard = api.get("/api/clients/" + clientId + "/dashboard?from=" + D1 + "&to=" + D3, token);
        assertThat(dashboard.status()).as(dashboard.toString()).isEqualTo(200);
        JsonNode json = dashboard.json();
        assertThat(kpi(json, "sessions").path("value").decimalValue()).isEqualByComparingTo("3000");
        assertThat(kpi(json, "users").path("value").decimalValue()).isEqualByComparingTo("2400");
        assertThat(kpi(json, "conversions").path("value").decimalValue()).isEqualByComparingTo("60");
        assertThat(kpi(json, "revenue").path("value").decimalValue()).isEqualByComparingTo("4500.75");
        assertThat(json.path("currency").asText()).isEqualTo("EUR");
        assertThat(json.path("series")).hasSize(3);
        assertThat(json.path("series").get(1).path("values").path("sessions").decimalValue()).isEqualByComparingTo("1100");
        google.verify(exactly(1), postRequestedFor(urlPathEqualTo("/token")));
    }

    /** Google's answer for the stubbed property: three days (the rest of the year is empty), in EUR. */
    private static String report() {
        String[][] rows = {{D1.format(DateTimeFormatter.BASIC_ISO_DATE), "900", "700", "15", "1200.25"},
                {D2.format(DateTimeFormatter.BASIC_ISO_DATE), "1100", "900", "25", "1800"},
                {D3.format(DateTimeFormatter.BASIC_ISO_DATE), "1000", "800", "20", "1500.5"}};
        StringBuilder json = new StringBuilder("{\"dimensionHeaders\":[{\"name\":\"date\"}],\"metricHeaders\":["
                + "{\"name\":\"sessions\",\"type\":\"TYPE_INTEGER\"},{\"name\":\"totalUsers\",\"type\":\"TYPE_INTEGER\"},"
                + "{\"name\":\"keyEvents\",\"type\":\"TYPE_INTEGER\"},{\"name\":\"totalRevenue\",\"type\":\"TYPE_CURRENCY\"}],\"rows\":[");
        for (int i = 0; i < rows.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"dimensionValues\":[{\"value\":\"").append(rows[i][0])
                    .append("\"}],\"metricValues\":[");
            for (int m = 1; m < rows[i].length; m++) {
                json.append(m == 1 ? "" : ",").append("{\"value\":\"").append(rows[i][m]).append("\"}");
            }
            json.append("]}");
        }
        return json.append("],\"rowCount\":3,\"metadata\":{\"currencyCode\":\"EUR\",\"timeZone\":\"Europe/Berlin\"},"
                + "\"kind\":\"analyticsData#runReport\"}").toString();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            values.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static JsonNode kpi(JsonNode dashboard, String metric) {
        for (JsonNode kpi : dashboard.path("kpis")) {
            if (metric.equals(kpi.path("metric").asText())) {
                return kpi;
            }
        }
        throw new AssertionError("no KPI " + metric + " in " + dashboard);
    }

    private static final class Quiet implements Notifier {
        @Override
        public void info(String message) {
        }

        @Override
        public void error(String message) {
            System.err.println("[google stand-in] " + message);
        }

        @Override
        public void error(String message, Throwable t) {
            System.err.println("[google stand-in] " + message + ": " + t);
        }
    }
}
