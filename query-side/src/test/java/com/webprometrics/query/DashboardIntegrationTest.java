package com.webprometrics.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.webprometrics.events.auth.AgencyRegistered;
import com.webprometrics.events.catalogue.Metric;
import com.webprometrics.events.clients.ClientCreated;
import com.webprometrics.events.integrations.DailyMetricsRecorded;
import com.webprometrics.events.integrations.IntegrationConnected;
import com.webprometrics.events.integrations.IntegrationDisconnected;
import com.webprometrics.events.integrations.IntegrationSyncFailed;
import com.webprometrics.events.integrations.IntegrationSyncStarted;
import com.webprometrics.events.integrations.IntegrationSyncSucceeded;
import com.webprometrics.query.support.TestTokens;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integrations and daily metrics projected from the real event store on PostgreSQL, read as dashboards over
 * real HTTP with real JWTs. Numbers are built so that averaging daily ratios would give a different answer
 * than deriving them from sums.
 */
class DashboardIntegrationTest extends QuerySideTestContext {
    private static final LocalDate D1 = LocalDate.parse("2025-03-10");
    private static final LocalDate D2 = D1.plusDays(1);
    private static final String RANGE = "from=2025-03-10&to=2025-03-12";

    @Autowired
    EventStore eventStore;

    private final Map<UUID, Long> sequences = new HashMap<>();

    private record Tenant(UUID agencyId, UUID clientId, String token) {
    }

    private Tenant tenant(String name) {
        UUID agencyId = UUID.randomUUID();
        UUID ownerId = UUID.randomUUID();
        UUID clientId = UUID.randomUUID();
        publish("Agency", agencyId, new AgencyRegistered(agencyId, name, ownerId, "starter", 10, "UTC"));
        publish("Client", clientId, new ClientCreated(clientId, agencyId, name + " client", null, "Retail", null, null));
        return new Tenant(agencyId, clientId, TestTokens.get().token(ownerId, agencyId, "OWNER"));
    }

    private UUID connect(Tenant t, String provider) {
        UUID id = UUID.randomUUID();
        publish("Integration", id, new IntegrationConnected(id, t.agencyId(), t.clientId(), provider, provider + " account", Map.of()));
        return id;
    }

    private void record(Tenant t, UUID integrationId, String provider, LocalDate date, Object... metricValues) {
        recordIn("EUR", t, integrationId, provider, date, metricValues);
    }

    private void recordIn(String currency, Tenant t, UUID integrationId, String provider, LocalDate date,
                          Object... metricValues) {
        Map<String, BigDecimal> metrics = new LinkedHashMap<>();
        for (int i = 0; i < metricValues.length; i += 2) {
            metrics.put((String) metricValues[i], new BigDecimal(metricValues[i + 1].toString()));
        }
        publish("Integration", integrationId,
                new DailyMetricsRecorded(integrationId, t.agencyId(), t.clientId(), provider, date, metrics, currency));
    }

    private void publish(String type, UUID aggregateId, Object payload) {
        long sequence = sequences.merge(aggregateId, 0L, (old, zero) -> old + 1);
        eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId.toString(), sequence, payload));
    }


    /** google-ads and ga4 for one client over 2025-03-06..13; the range under test is 03-10..12. */
    private record Fixture(Tenant tenant, UUID ads, UUID ga4) {
    }

    private Fixture fixture(String name) {
        Tenant t = tenant(name);
        UUID ads = connect(t, "google-ads");
        UUID ga4 = connect(t, "ga4");
        // first version of day 1, later replaced entirely (conversions disappear, other numbers change)
        record(t, ads, "google-ads", D1, "impressions", 999, "clicks", 99, "cost", 1, "revenue", 1, "conversions", 500);
        record(t, ads, "google-ads", D1, "impressions", 1000, "clicks", 10, "cost", 5, "revenue", 50);
        record(t, ads, "google-ads", D2, "impressions", 100, "clicks", 50, "cost", 100, "revenue", 100);
        // previous period 03-07..09, and a day before it that must not count
        record(t, ads, "google-ads", LocalDate.parse("2025-03-08"), "impressions", 550, "clicks", 30, "cost", 50, "revenue", 75);
        record(t, ads, "google-ads", LocalDate.parse("2025-03-06"), "impressions", 5000, "clicks", 1000, "cost", 1000);
        record(t, ga4, "ga4", D1, "sessions", 100, "conversions", 5, "ctr", 0.9);
        record(t, ga4, "ga4", D2, "sessions", 300, "conversions", 30);
        record(t, ga4, "ga4", LocalDate.parse("2025-03-09"), "sessions", 200, "conversions", 10);
        // after the range: not in the totals, but it is the latest date with data
        record(t, ga4, "ga4", LocalDate.parse("2025-03-13"), "sessions", 9999);
        return new Fixture(t, ads, ga4);
    }

    @Test
    void kpisAreSumsAndRatiosDerivedFromSumsWithThePreviousPeriod() throws Exception {
        Fixture f = fixture("kpis");
        JsonNode dashboard = get("/api/clients/" + f.tenant().clientId() + "/dashboard?" + RANGE + "&compare=previous",
                f.tenant().token(), head());

        assertThat(dashboard.get("from").asText()).isEqualTo("2025-03-10");
        assertThat(dashboard.get("to").asText()).isEqualTo("2025-03-12");
        assertThat(dashboard.get("previousFrom").asText()).isEqualTo("2025-03-07");
        assertThat(dashboard.get("previousTo").asText()).isEqualTo("2025-03-09");
        assertThat(dashboard.get("currency").asText()).isEqualTo("EUR");
        Map<String, JsonNode> kpis = new LinkedHashMap<>();
        dashboard.get("kpis").forEach(k -> kpis.put(k.get("metric").asText(), k));
        assertThat(kpis.keySet()).containsExactly("sessions", "conversions", "revenue", "impressions", "clicks", "cost",
                "ctr", "cpc", "cpm", "roas", "cost_per_conversion", "conversion_rate");

        // replaced day 1: 999 impressions / 99 clicks / 500 conversions are gone, nothing counted twice
        assertKpi(kpis, "impressions", "1100", "550", "100.00");
        assertKpi(kpis, "clicks", "60", "30", "100.00");
        assertKpi(kpis, "cost", "105", "50", "110.00");
        assertKpi(kpis, "revenue", "150", "75", "100.00");
        assertKpi(kpis, "sessions", "400", "200", "100.00");
        assertKpi(kpis, "conversions", "35", "10", "250.00");
        // from sums: 60/1100 (the mean of daily CTRs 0.01 and 0.5 would be 0.255; the stored "ctr" row is ignored)
        assertKpi(kpis, "ctr", "0.054545", "0.054545", "0.00");
        assertKpi(kpis, "cpc", "1.75", "1.666667", "5.00");           // 105/60, mean of daily CPCs would be 1.25
        assertKpi(kpis, "roas", "1.428571", "1.5", "-4.76");         // 150/105, mean of daily ROAS would be 5.5
        assertKpi(kpis, "conversion_rate", "0.0875", "0.05", "75.00"); // 35/400
        assertKpi(kpis, "cpm", "95.454545", "90.909091", "5.00");     // 1000 × 105/1100
        assertKpi(kpis, "cost_per_conversion", "3", "5", "-40.00");   // 105/35

        JsonNode series = dashboard.get("series");
        assertThat(series).hasSize(3);
        assertThat(series.get(0).get("date").asText()).isEqualTo("2025-03-10");
        assertThat(series.get(0).get("values").get("clicks").decimalValue()).isEqualByComparingTo("10");
        assertThat(series.get(0).get("values").get("ctr").decimalValue()).isEqualByComparingTo("0.01");
        assertThat(series.get(1).get("values").get("sessions").decimalValue()).isEqualByComparingTo("300");
        assertThat(series.get(2).get("date").asText()).isEqualTo("2025-03-12");
        assertThat(series.get(2).get("values").isEmpty()).isTrue();

        Map<String, JsonNode> byProvider = new LinkedHashMap<>();
        dashboard.get("byProvider").forEach(p -> byProvider.put(p.get("provider").asText(), p.get("values")));
        assertThat(byProvider.keySet()).containsExactly("ga4", "google-ads");
        assertThat(byProvider.get("ga4").get("sessions").decimalValue()).isEqualByComparingTo("400");
        assertThat(byProvider.get("ga4").get("conversion_rate").decimalValue()).isEqualByComparingTo("0.0875");
        assertThat(byProvider.get("ga4").has("clicks")).isFalse();
        assertThat(byProvider.get("google-ads").get("clicks").decimalValue()).isEqualByComparingTo("60");
        assertThat(byProvider.get("google-ads").get("roas").decimalValue()).isEqualByComparingTo("1.428571");

        Map<String, JsonNode> freshness = new LinkedHashMap<>();
        dashboard.get("freshness").forEach(p -> freshness.put(p.get("provider").asText(), p));
        assertThat(freshness.get("ga4").get("dataThrough").asText()).isEqualTo("2025-03-13");
        assertThat(freshness.get("google-ads").get("dataThrough").asText()).isEqualTo("2025-03-11");
        assertThat(freshness.get("google-ads").get("lastSyncAt").isNull()).isTrue();

        JsonNode noCompare = get("/api/clients/" + f.tenant().clientId() + "/dashboard?" + RANGE + "&compare=none",
                f.tenant().token(), null);
        assertThat(noCompare.get("kpis").get(0).get("previousValue").isNull()).isTrue();
        assertThat(noCompare.get("kpis").get(0).get("changePct").isNull()).isTrue();
    }

    @Test
    void aLaterRecordingReplacesTheDayAndAZeroPreviousGivesNoChange() throws Exception {
        Tenant t = tenant("replace");
        UUID csv = connect(t, "csv");
        record(t, csv, "csv", D1, "sessions", 10, "clicks", 4);
        String path = "/api/clients/" + t.clientId() + "/dashboard?" + RANGE;
        JsonNode first = get(path, t.token(), head());
        assertThat(kpi(first, "sessions").get("value").decimalValue()).isEqualByComparingTo("10");
        assertThat(kpi(first, "sessions").get("previousValue").decimalValue()).isEqualByComparingTo("0");
        assertThat(kpi(first, "sessions").get("changePct").isNull()).isTrue();

        record(t, csv, "csv", D1, "sessions", 25);
        record(t, csv, "csv", D1, "sessions", 30);
        JsonNode replaced = get(path, t.token(), head());
        assertThat(kpi(replaced, "sessions").get("value").decimalValue()).isEqualByComparingTo("30");
        assertThat(replaced.get("kpis")).hasSize(1); // clicks were replaced away
        assertThat(jdbc.queryForObject("SELECT count(*) FROM query.metrics_daily WHERE integration_id = ?",
                Integer.class, csv)).isEqualTo(1);
    }

    @Test
    void integrationStatusFollowsConnectSyncFailureAndSuccess() throws Exception {
        Tenant t = tenant("status");
        UUID ads = connect(t, "google-ads");
        String path = "/api/clients/" + t.clientId() + "/integrations";
        JsonNode connected = get(path, t.token(), head()).get(0);
        assertThat(connected.get("id").asText()).isEqualTo(ads.toString());
        assertThat(connected.get("provider").asText()).isEqualTo("google-ads");
        assertThat(connected.get("accountName").asText()).isEqualTo("google-ads account");
        assertThat(connected.get("status").asText()).isEqualTo("connected");
        assertThat(connected.get("lastSyncAt").isNull()).isTrue();

        UUID sync1 = UUID.randomUUID();
        publish("Integration", ads, new IntegrationSyncStarted(ads, t.agencyId(), t.clientId(), "google-ads", sync1, D1, D2, "schedule"));
        assertThat(get(path, t.token(), head()).get(0).get("status").asText()).isEqualTo("syncing");

        publish("Integration", ads, new IntegrationSyncFailed(ads, t.agencyId(), t.clientId(), "google-ads", sync1, "auth", "The grant was revoked"));
        JsonNode failed = get(path, t.token(), head()).get(0);
        assertThat(failed.get("status").asText()).isEqualTo("error");
        assertThat(failed.get("lastError").asText()).isEqualTo("The grant was revoked");
        assertThat(failed.get("lastSyncAt").isNull()).isFalse();
        JsonNode overview = clientIn(get("/api/dashboard?" + RANGE, t.token(), null), t.clientId());
        assertThat(overview.get("integrations").get("failing").asInt()).isEqualTo(1);

        UUID sync2 = UUID.randomUUID();
        publish("Integration", ads, new IntegrationSyncStarted(ads, t.agencyId(), t.clientId(), "google-ads", sync2, D1, D2, "manual"));
        publish("Integration", ads, new IntegrationSyncSucceeded(ads, t.agencyId(), t.clientId(), "google-ads", sync2, D1, D2, 2));
        JsonNode ok = get(path, t.token(), head()).get(0);
        assertThat(ok.get("status").asText()).isEqualTo("connected");
        assertThat(ok.get("lastError").isNull()).isTrue();
        String lastSuccess = jdbc.queryForObject("SELECT last_success_at::text FROM query.integrations_view WHERE integration_id = ?", String.class, ads);
        assertThat(lastSuccess).isNotNull();
        JsonNode freshness = get("/api/clients/" + t.clientId() + "/dashboard", t.token(), null).get("freshness").get(0);
        assertThat(freshness.get("lastSyncAt").isNull()).isFalse();
        assertThat(freshness.get("dataThrough").isNull()).isTrue();
        assertThat(get("/api/clients/" + t.clientId(), t.token(), null).get("integrationCount").asInt()).isEqualTo(1);

        publish("Integration", ads, new IntegrationDisconnected(ads, t.agencyId(), t.clientId(), "google-ads"));
        assertThat(get(path, t.token(), head()).get(0).get("status").asText()).isEqualTo("disconnected");
        assertThat(get("/api/clients/" + t.clientId(), t.token(), null).get("integrationCount").asInt()).isZero();
    }

    @Test
    void overviewHasHeadlineKpisAndHealthAndDisconnectedHistoryStillCounts() throws Exception {
        Fixture f = fixture("overview");
        Tenant t = f.tenant();
        publish("Integration", f.ga4(), new IntegrationDisconnected(f.ga4(), t.agencyId(), t.clientId(), "ga4"));
        UUID idle = UUID.randomUUID();
        publish("Client", idle, new ClientCreated(idle, t.agencyId(), "Aardvark idle", null, null, null, null));

        JsonNode overview = get("/api/dashboard?" + RANGE, t.token(), head());
        assertThat(overview.get("from").asText()).isEqualTo("2025-03-10");
        assertThat(overview.get("clients")).hasSize(2);
        assertThat(overview.get("clients").get(0).get("name").asText()).isEqualTo("Aardvark idle");
        assertThat(overview.get("clients").get(0).get("kpis").get("sessions").isNull()).isTrue();
        JsonNode client = clientIn(overview, t.clientId());
        assertThat(client.get("kpis").get("sessions").decimalValue()).isEqualByComparingTo("400");
        assertThat(client.get("kpis").get("conversions").decimalValue()).isEqualByComparingTo("35");
        assertThat(client.get("kpis").get("revenue").decimalValue()).isEqualByComparingTo("150");
        assertThat(client.get("kpis").get("cost").decimalValue()).isEqualByComparingTo("105");
        assertThat(client.get("kpis").get("roas").decimalValue()).isEqualByComparingTo("1.428571");
        assertThat(client.get("currency").asText()).isEqualTo("EUR");
        assertThat(client.get("currencies")).extracting(JsonNode::asText).containsExactly("EUR");
        assertThat(overview.get("clients").get(0).get("currency").isNull()).isTrue();
        assertThat(overview.get("clients").get(0).get("currencies")).isEmpty();
        assertThat(client.get("integrations").get("total").asInt()).isEqualTo(1);
        assertThat(client.get("integrations").get("healthy").asInt()).isEqualTo(1);
        assertThat(client.get("integrations").get("failing").asInt()).isZero();

        JsonNode dashboard = get("/api/clients/" + t.clientId() + "/dashboard?" + RANGE, t.token(), null);
        assertThat(kpi(dashboard, "sessions").get("value").decimalValue()).isEqualByComparingTo("400");
        JsonNode integrations = get("/api/clients/" + t.clientId() + "/integrations", t.token(), null);
        assertThat(integrations.findValuesAsText("status")).containsExactly("connected", "disconnected");
    }

    @Test
    void currenciesOfEitherPeriodAreNamedAndMixedMoneyHasNoCurrency() throws Exception {
        Tenant t = tenant("currencies");
        UUID ads = connect(t, "google-ads");
        UUID meta = connect(t, "meta-ads");
        recordIn("USD", t, ads, "google-ads", LocalDate.parse("2025-03-08"), "cost", 10); // previous period only
        record(t, ads, "google-ads", D1, "cost", 20);
        recordIn("GBP", t, meta, "meta-ads", D2, "cost", 30);
        record(t, meta, "meta-ads", D1, "cost", 5);

        JsonNode dashboard = get("/api/clients/" + t.clientId() + "/dashboard?" + RANGE, t.token(), head());
        assertThat(dashboard.get("currency").isNull()).isTrue();
        assertThat(dashboard.get("currencies")).extracting(JsonNode::asText).containsExactly("EUR", "GBP", "USD");
        JsonNode overview = clientIn(get("/api/dashboard?" + RANGE, t.token(), null), t.clientId());
        assertThat(overview.get("currency").isNull()).isTrue();
        assertThat(overview.get("currencies")).extracting(JsonNode::asText).containsExactly("EUR", "GBP");
        assertThat(overview.get("kpis").get("cost").decimalValue()).isEqualByComparingTo("55");
    }

    @Test
    void anotherAgencySeesNothing() throws Exception {
        Fixture mine = fixture("mine");
        Tenant theirs = tenant("theirs");
        String client = mine.tenant().clientId().toString();
        assertThat(send("/api/clients/" + client + "/dashboard?" + RANGE, theirs.token(), Map.of("X-Min-Position", String.valueOf(head()))).statusCode())
                .isEqualTo(404);
        assertThat(send("/api/clients/" + client + "/integrations", theirs.token(), Map.of()).statusCode()).isEqualTo(404);
        JsonNode overview = get("/api/dashboard?" + RANGE, theirs.token(), null);
        assertThat(overview.get("clients")).hasSize(1);
        assertThat(overview.get("clients").get(0).get("clientId").asText()).isEqualTo(theirs.clientId().toString());
        assertThat(overview.get("clients").get(0).get("kpis").get("sessions").isNull()).isTrue();
        assertThat(send("/api/clients/" + UUID.randomUUID() + "/dashboard", theirs.token(), Map.of()).statusCode()).isEqualTo(404);
    }

    @Test
    void badRangesAreValidationProblems() throws Exception {
        Tenant t = tenant("ranges");
        String dashboard = "/api/clients/" + t.clientId() + "/dashboard?";
        get(dashboard, t.token(), head());
        assertProblem(send(dashboard + "from=2025-03-12&to=2025-03-10", t.token(), Map.of()), "from");
        assertProblem(send(dashboard + "from=2020-01-01&to=2025-01-01", t.token(), Map.of()), "to");
        assertProblem(send(dashboard + "from=2025-02-30", t.token(), Map.of()), "from");
        assertProblem(send(dashboard + "to=yesterday", t.token(), Map.of()), "to");
        assertProblem(send(dashboard + "compare=last_year", t.token(), Map.of()), "compare");
        assertProblem(send(dashboard + "from=0000-01-01&to=0000-01-02", t.token(), Map.of()), "from");
        assertProblem(send(dashboard + "from=2100-12-30&to=2101-01-01", t.token(), Map.of()), "to");
        assertProblem(send("/api/dashboard?from=2025-03-12&to=2025-03-10", t.token(), Map.of()), "from");
        JsonNode defaults = get(dashboard, t.token(), null);
        LocalDate to = LocalDate.parse(defaults.get("to").asText());
        assertThat(LocalDate.parse(defaults.get("from").asText())).isEqualTo(to.minusDays(29));
        assertThat(defaults.get("series")).hasSize(30);
        assertThat(get(dashboard + "from=2023-01-01&to=2025-01-01", t.token(), null).get("series")).hasSize(732);
    }

    @Test
    void theMetricsTableHasAColumnForEveryMetricOfTheVocabularyInOrder() {
        List<String> columns = jdbc.queryForList("""
                SELECT column_name FROM information_schema.columns WHERE table_schema = 'query'
                AND table_name = 'metrics_daily' ORDER BY ordinal_position""", String.class);
        assertThat(columns.subList(0, 7)).containsExactly("integration_id", "date", "agency_id", "client_id", "provider",
                "currency", "position");
        assertThat(columns.subList(7, columns.size())).containsExactlyElementsOf(Metric.KEYS);
    }

    @Test
    void rebuildingMetricsAndIntegrationsYieldsIdenticalRows() throws Exception {
        Fixture f = fixture("rebuild");
        publish("Integration", f.ads(), new IntegrationSyncFailed(f.ads(), f.tenant().agencyId(), f.tenant().clientId(),
                "google-ads", UUID.randomUUID(), "quota", "Rate limited"));
        assertThat(readYourWrites.awaitPosition(head())).isTrue();
        List<Map<String, Object>> metricsBefore = dump("query.metrics_daily", "integration_id, date");
        List<Map<String, Object>> integrationsBefore = dump("query.integrations_view", "integration_id");
        JsonNode dashboardBefore = get("/api/clients/" + f.tenant().clientId() + "/dashboard?" + RANGE, f.tenant().token(), null);
        assertThat(metricsBefore).isNotEmpty();

        rebuild("metrics", "integrations");
        assertThat(dump("query.metrics_daily", "integration_id, date")).isEqualTo(metricsBefore);
        assertThat(dump("query.integrations_view", "integration_id")).isEqualTo(integrationsBefore);
        assertThat(get("/api/clients/" + f.tenant().clientId() + "/dashboard?" + RANGE, f.tenant().token(), null))
                .isEqualTo(dashboardBefore);
    }

    private static void assertKpi(Map<String, JsonNode> kpis, String metric, String value, String previous, String changePct) {
        JsonNode kpi = kpis.get(metric);
        assertThat(kpi.get("value").decimalValue()).as(metric).isEqualByComparingTo(value);
        assertThat(kpi.get("previousValue").decimalValue()).as(metric + " previous").isEqualByComparingTo(previous);
        assertThat(kpi.get("changePct").decimalValue()).as(metric + " change").isEqualByComparingTo(changePct);
    }

    private static JsonNode kpi(JsonNode dashboard, String metric) {
        for (JsonNode kpi : dashboard.get("kpis")) {
            if (kpi.get("metric").asText().equals(metric)) {
                return kpi;
            }
        }
        throw new AssertionError("no kpi " + metric + " in " + dashboard);
    }

    private static JsonNode clientIn(JsonNode overview, UUID clientId) {
        for (JsonNode client : overview.get("clients")) {
            if (client.get("clientId").asText().equals(clientId.toString())) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId + " in " + overview);
    }

    private static void assertProblem(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asText()).endsWith("/validation");
        assertThat(problem.get("errors").findValuesAsText("field")).contains(field);
    }
}
