package com.webprometrics.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.webprometrics.events.auth.AgencyRegistered;
import com.webprometrics.events.clients.ClientCreated;
import com.webprometrics.events.integrations.DailyMetricsRecorded;
import com.webprometrics.events.integrations.IntegrationConnected;
import com.webprometrics.query.support.TestTokens;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The online rebuild of the metrics read model (ops API): the same rows as the processor wrote, queries answered
 * all along, and events appended afterwards still arrive in the rebuilt table.
 */
class MetricsRebuildIntegrationTest extends QuerySideTestContext {
    private static final LocalDate DAY = LocalDate.parse("2025-06-01");

    @Autowired
    EventStore eventStore;

    private final Map<UUID, Long> sequences = new HashMap<>();
    private final UUID agencyId = UUID.randomUUID();
    private final UUID clientId = UUID.randomUUID();
    private final String owner = TestTokens.get().token(UUID.randomUUID(), agencyId, "OWNER");
    private final String ops = TestTokens.get().token(UUID.randomUUID(), UUID.randomUUID(), "OPS");

    @Test
    void onlineRebuildYieldsTheSameRowsWhileQueriesAreAnsweredAndLaterEventsStillArrive() throws Exception {
        publish("Agency", agencyId, new AgencyRegistered(agencyId, "Rebuilt", UUID.randomUUID(), "starter", 10, "UTC"));
        publish("Client", clientId, new ClientCreated(clientId, agencyId, "Rebuilt client", null, null, null, null));
        UUID ads = connect("google-ads");
        UUID ga4 = connect("ga4");
        for (int d = 0; d < 40; d++) {
            record(ads, "google-ads", DAY.plusDays(d), "impressions", 1000 + d, "clicks", 50 + d, "cost", "12.34");
            record(ga4, "ga4", DAY.plusDays(d), "sessions", 300 + d, "revenue", "99.5");
        }
        record(ads, "google-ads", DAY, "impressions", 7, "clicks", 1);  // replaces day 1 (cost gone)
        record(ga4, "ga4", DAY.plusDays(3), "sessions", 5);             // replaces day 4 (revenue gone)
        String dashboardPath = "/api/clients/" + clientId + "/dashboard?from=" + DAY + "&to=" + DAY.plusDays(39);
        JsonNode dashboard = get(dashboardPath, owner, head());
        List<Map<String, Object>> before = dump("query.metrics_daily", "integration_id, date");

        HttpResponse<String> started = post("/api/ops/processors/metrics/rebuild", ops);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = JSON.readTree(started.body()).get("rebuildId").asText();
        assertThat(started.headers().firstValue("Location")).contains("/api/ops/rebuilds/" + id);

        JsonNode status = null;
        for (int i = 0; i < 600; i++) {
            status = get("/api/ops/rebuilds/" + id, ops, null);
            if (status.get("phase").asText().matches("done|failed")) {
                break;
            }
            assertThat(get(dashboardPath, owner, null)).as("answered during the rebuild").isEqualTo(dashboard);
            Thread.sleep(50);
        }
        assertThat(status.get("phase").asText()).as(status.toString()).isEqualTo("done");
        assertThat(status.get("processor").asText()).isEqualTo("metrics");
        assertThat(status.get("processed").asLong()).isEqualTo(status.get("total").asLong()).isPositive();
        assertThat(status.get("eventsLoaded").asLong()).isGreaterThanOrEqualTo(82);
        assertThat(dump("query.metrics_daily", "integration_id, date")).isEqualTo(before);
        assertThat(get(dashboardPath, owner, head())).isEqualTo(dashboard);

        record(ads, "google-ads", DAY, "impressions", 8, "clicks", 2);
        JsonNode after = get(dashboardPath, owner, head());
        assertThat(kpi(after, "impressions").subtract(kpi(dashboard, "impressions"))).isEqualByComparingTo("1");
    }

    @Test
    void onlyOpsMayRebuildAndOnlyWhatCanBeRebuiltOnline() throws Exception {
        assertThat(post("/api/ops/processors/metrics/rebuild", owner).statusCode()).isEqualTo(403);
        assertThat(post("/api/ops/processors/metrics/rebuild", null).statusCode()).isEqualTo(401);
        assertThat(post("/api/ops/processors/no-such-processor/rebuild", ops).statusCode()).isEqualTo(404);
        HttpResponse<String> clients = post("/api/ops/processors/clients/rebuild", ops);
        assertThat(clients.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(clients.body()).get("type").asText()).endsWith("/conflict");
        assertThat(send("/api/ops/rebuilds/" + UUID.randomUUID(), ops, Map.of()).statusCode()).isEqualTo(404);
    }

    private static BigDecimal kpi(JsonNode dashboard, String metric) {
        for (JsonNode kpi : dashboard.get("kpis")) {
            if (kpi.get("metric").asText().equals(metric)) {
                return kpi.get("value").decimalValue();
            }
        }
        throw new AssertionError("no kpi " + metric);
    }

    private UUID connect(String provider) {
        UUID id = UUID.randomUUID();
        publish("Integration", id, new IntegrationConnected(id, agencyId, clientId, provider, provider, Map.of()));
        return id;
    }

    private void record(UUID integrationId, String provider, LocalDate date, Object... metricValues) {
        Map<String, BigDecimal> metrics = new HashMap<>();
        for (int i = 0; i < metricValues.length; i += 2) {
            metrics.put((String) metricValues[i], new BigDecimal(metricValues[i + 1].toString()));
        }
        publish("Integration", integrationId,
                new DailyMetricsRecorded(integrationId, agencyId, clientId, provider, date, metrics, "EUR"));
    }

    private void publish(String type, UUID aggregateId, Object payload) {
        long sequence = sequences.merge(aggregateId, 0L, (old, zero) -> old + 1);
        eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId.toString(), sequence, payload));
    }
}
