package com.webprometrics.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Data flowing in from providers and out as dashboards, through the gateway as a client would see it. */
@ExtendWith(StackExtension.class)
class IntegrationsEndToEndTest {
    private static final String PASSWORD = "correct horse battery staple";

    private final Api anonymous;

    IntegrationsEndToEndTest(Api api) {
        this.anonymous = api;
    }

    private String signUp(Api api) {
        ApiResponse r = api.post("/api/auth/signup", Map.of("agencyName", "Data Agency", "name", "Dana",
                "email", "data-" + UUID.randomUUID() + "@agency.test", "password", PASSWORD), null);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.field("accessToken");
    }

    private String createClient(Api api, String token, String name) {
        ApiResponse r = api.post("/api/clients", Map.of("name", name), token);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.field("id");
    }

    @Test
    void connectingDemoDataFillsTheDashboardOnceItsFirstSyncIsDone() {
        Api api = anonymous.fromNewAddress();
        String token = signUp(api);
        String clientId = createClient(api, token, "Demo Client");

        ApiResponse connected = api.post("/api/clients/" + clientId + "/integrations", Map.of("provider", "demo"), token);
        assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
        String integrationId = connected.field("id");
        ApiResponse started = api.get("/api/clients/" + clientId + "/integrations", token, "X-Min-Position",
                connected.field("position"));
        assertThat(started.json().get(0).path("status").asText()).as("answered once the sync has started")
                .isIn("syncing", "connected");

        // the year of data is fetched in the background: wait for the sync, then for its days on the read side
        Eventually.synced(api, token, clientId, integrationId);
        Eventually.dataThrough(api, token, clientId, "demo", LocalDate.now(ZoneOffset.UTC).minusDays(1));
        ApiResponse dashboard = api.get("/api/clients/" + clientId + "/dashboard", token);
        assertThat(dashboard.status()).as(dashboard.toString()).isEqualTo(200);
        JsonNode json = dashboard.json();
        assertThat(json.path("series")).hasSize(30);
        JsonNode sessions = kpi(json, "sessions");
        assertThat(sessions.path("value").asDouble()).isPositive();
        assertThat(sessions.path("previousValue").asDouble()).isPositive();
        JsonNode clicks = kpi(json, "clicks");
        JsonNode impressions = kpi(json, "impressions");
        assertThat(kpi(json, "ctr").path("value").asDouble())
                .isCloseTo(clicks.path("value").asDouble() / impressions.path("value").asDouble(),
                        org.assertj.core.data.Offset.offset(1e-6));
        assertThat(json.path("freshness").get(0).path("provider").asText()).isEqualTo("demo");

        ApiResponse integrations = api.get("/api/clients/" + clientId + "/integrations", token);
        assertThat(integrations.json().get(0).path("status").asText()).isEqualTo("connected");
        ApiResponse overview = api.get("/api/dashboard", token);
        assertThat(overview.json().path("clients").findValuesAsText("name")).containsExactly("Demo Client");

        String otherToken = signUp(anonymous.fromNewAddress());
        assertThat(api.get("/api/clients/" + clientId + "/dashboard", otherToken).status()).isEqualTo(404);
    }

    @Test
    void aCsvUploadReportsBadLinesAndShowsTheGoodOnesOnTheDashboard() {
        Api api = anonymous.fromNewAddress();
        String token = signUp(api);
        String clientId = createClient(api, token, "CSV Client");
        ApiResponse connected = api.post("/api/clients/" + clientId + "/integrations", Map.of("provider", "csv"), token);
        assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
        String integrationId = connected.field("id");

        LocalDate day1 = LocalDate.now(ZoneOffset.UTC).minusDays(5);
        LocalDate day2 = day1.plusDays(1);
        String csv = "date,metric,value\n"
                + day1 + ",sessions,120\n"
                + day1 + ",bounces,3\n"
                + day2 + ",sessions,80\n"
                + "yesterday,sessions,5\n";
        ApiResponse upload = upload(api, token, integrationId, csv);
        assertThat(upload.status()).as(upload.toString()).isEqualTo(200);
        assertThat(upload.json().path("rowsAccepted").asInt()).isEqualTo(2);
        assertThat(upload.json().path("rowsRejected").asInt()).isEqualTo(2);
        assertThat(upload.json().path("errors").findValuesAsText("line")).containsExactly("3", "5");

        ApiResponse dashboard = api.get("/api/clients/" + clientId + "/dashboard?from=" + day1 + "&to=" + day2, token,
                "X-Min-Position", upload.field("position"));
        assertThat(kpi(dashboard.json(), "sessions").path("value").asDouble()).isEqualTo(200.0);

        ApiResponse again = upload(api, token, integrationId, csv);
        assertThat(again.json().path("daysRecorded").asInt()).as("the same file twice adds nothing").isZero();
    }

    private static ApiResponse upload(Api api, String token, String integrationId, String csv) {
        return api.uploadFile("/api/integrations/" + integrationId + "/import", "metrics.csv", "text/csv", csv, token);
    }

    private static JsonNode kpi(JsonNode dashboard, String metric) {
        for (JsonNode kpi : dashboard.path("kpis")) {
            if (metric.equals(kpi.path("metric").asText())) {
                return kpi;
            }
        }
        throw new AssertionError("no KPI " + metric + " in " + dashboard);
    }
}
