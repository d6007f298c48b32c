package com.webprometrics.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.webprometrics.events.auth.AgencyRegistered;
import com.webprometrics.events.clients.ClientCreated;
import com.webprometrics.events.integrations.DailyMetricsRecorded;
import com.webprometrics.events.integrations.IntegrationConnected;
import com.webprometrics.events.integrations.IntegrationSyncSucceeded;
import com.webprometrics.events.reports.ReportChanged;
import com.webprometrics.events.reports.ReportCreated;
import com.webprometrics.events.reports.ReportDeleted;
import com.webprometrics.events.reports.ReportDelivered;
import com.webprometrics.events.reports.ReportDeliveryFailed;
import com.webprometrics.events.reports.ReportDeliveryRequested;
import com.webprometrics.events.reports.ReportScheduled;
import com.webprometrics.query.support.TestTokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports projected from the real event store on PostgreSQL, read and exported over real HTTP with real JWTs:
 * the CSV's content, the PDF's text (PDFBox), tenant isolation and the command side's rendering token.
 */
class ReportsIntegrationTest extends QuerySideTestContext {
    private static final LocalDate D1 = LocalDate.parse("2025-03-10");
    private static final LocalDate D2 = D1.plusDays(1);
    private static final List<String> METRICS = List.of("sessions", "revenue", "roas", "ctr");

    @Autowired
    EventStore eventStore;

    private final Map<UUID, Long> sequences = new HashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    private record Tenant(UUID agencyId, UUID clientId, String token) {
    }

    private Tenant tenant(String agency, String client) {
        UUID agencyId = UUID.randomUUID();
        UUID ownerId = UUID.randomUUID();
        UUID clientId = UUID.randomUUID();
        publish("Agency", agencyId, new AgencyRegistered(agencyId, agency, ownerId, "starter", 10, "Europe/Berlin"));
        publish("Client", clientId, new ClientCreated(clientId, agencyId, client, null, "Retail", null, null));
        return new Tenant(agencyId, clientId, TestTokens.get().token(ownerId, agencyId, "OWNER"));
    }

    /** Demo data for D1, D2 and the two days before (the previous period), synced at a known instant. */
    private void data(Tenant t) {
        UUID integration = UUID.randomUUID();
        publish("Integration", integration, new IntegrationConnected(integration, t.agencyId(), t.clientId(), "demo",
                "Demo", Map.of()));
        record(t, integration, D1.minusDays(2), "sessions", 500, "revenue", 1000, "cost", 400);
        record(t, integration, D1.minusDays(1), "sessions", 500, "revenue", 1000, "cost", 400);
        record(t, integration, D1, "sessions", 1200, "revenue", 1234.5, "cost", 500, "clicks", 30, "impressions", 1000);
        record(t, integration, D2, "sessions", 34, "revenue", 1000, "cost", 500);
        publish("Integration", integration, new IntegrationSyncSucceeded(integration, t.agencyId(), t.clientId(), "demo",
                UUID.randomUUID(), D1, D2, 2));
    }

    private void record(Tenant t, UUID integration, LocalDate date, Object... metricValues) {
        Map<String, BigDecimal> metrics = new LinkedHashMap<>();
        for (int i = 0; i < metricValues.length; i += 2) {
            metrics.put((String) metricValues[i], new BigDecimal(metricValues[i + 1].toString()));
        }
        publish("Integration", integration,
                new DailyMetricsRecorded(integration, t.agencyId(), t.clientId(), "demo", date, metrics, "EUR"));
    }

    private UUID report(Tenant t, String title, LocalDate from, LocalDate to, String range) {
        UUID id = UUID.randomUUID();
        publish("Report", id, new ReportCreated(id, t.agencyId(), t.clientId(), title, METRICS, from, to, range,
                "Europe/Berlin"));
        return id;
    }

    private void publish(String type, UUID aggregateId, Object payload) {
        long sequence = sequences.merge(aggregateId, 0L, (old, zero) -> old + 1);
        eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId.toString(), sequence, payload));
    }

    private HttpResponse<byte[]> download(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("X-Min-Position", String.valueOf(head())).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aReportShowsItsMetricsWithThePreviousPeriodAndFreshness() throws Exception {
        Tenant t = tenant("Data Agency", "Acme Bakery");
        data(t);
        UUID id = report(t, "March KPIs", D1, D2, null);

        JsonNode report = get("/api/reports/" + id, t.token(), head());
        assertThat(report.get("title").asText()).isEqualTo("March KPIs");
        assertThat(report.get("clientName").asText()).isEqualTo("Acme Bakery");
        assertThat(report.get("metrics")).hasSize(4);
        JsonNode data = report.get("data");
        assertThat(data.get("from").asText()).isEqualTo("2025-03-10");
        assertThat(data.get("previousFrom").asText()).isEqualTo("2025-03-08");
        assertThat(data.get("currency").asText()).isEqualTo("EUR");
        JsonNode sessions = data.get("kpis").get(0);
        assertThat(sessions.get("metric").asText()).isEqualTo("sessions");
        assertThat(sessions.get("label").asText()).isEqualTo("Sessions");
        assertThat(sessions.get("value").decimalValue()).isEqualByComparingTo("1234");
        assertThat(sessions.get("formattedValue").asText()).isEqualTo("1,234");
        assertThat(sessions.get("formattedChange").asText()).isEqualTo("+23.40 %");
        JsonNode revenue = data.get("kpis").get(1);
        assertThat(revenue.get("formattedValue").asText()).isEqualTo("€2,234.50");
        assertThat(data.get("kpis").get(2).get("formattedValue").asText()).isEqualTo("2.23×"); // 2234.5 / 1000
        assertThat(data.get("kpis").get(3).get("formattedValue").asText()).isEqualTo("3.00 %");
        assertThat(data.get("series")).hasSize(2);
        assertThat(data.get("series").get(1).get("values").has("cost")).as("only the report's metrics").isFalse();
        assertThat(data.get("freshness").get(0).get("dataThrough").asText()).isEqualTo("2025-03-11");
        assertThat(data.get("dataAsOf").get(0).asText()).startsWith("Demo data: last sync ")
                .endsWith("data through 11 Mar 2025");
        assertThat(data.get("dataPosition").asLong()).isPositive();
    }

    @Test
    void aRelativeRangeIsEvaluatedAsOfADayInTheAgencysTimeZone() throws Exception {
        Tenant t = tenant("Relative Agency", "Relative Client");
        data(t);
        UUID weekly = report(t, "Weekly", null, null, "last_7_days");
        UUID monthly = report(t, "Monthly", null, null, "last_month");
        JsonNode week = get("/api/reports/" + weekly + "?asOf=2025-03-12", t.token(), head()).get("data");
        assertThat(week.get("from").asText()).isEqualTo("2025-03-05");
        assertThat(week.get("to").asText()).isEqualTo("2025-03-11");
        assertThat(week.get("kpis").get(0).get("value").decimalValue()).isEqualByComparingTo("2234");
        JsonNode month = get("/api/reports/" + monthly + "?asOf=2025-04-01", t.token(), null).get("data");
        assertThat(month.get("from").asText()).isEqualTo("2025-03-01");
        assertThat(month.get("to").asText()).isEqualTo("2025-03-31");
        assertThat(month.get("previousFrom").asText()).as("March compares with all of February").isEqualTo("2025-02-01");
        assertThat(month.get("previousTo").asText()).isEqualTo("2025-02-28");
        assertThat(send("/api/reports/" + weekly + "?asOf=someday", t.token(), Map.of()).statusCode()).isEqualTo(400);
    }

    @Test
    void theCsvExportHasTheHeaderBlockKpisAndDailySeries() throws Exception {
        Tenant t = tenant("Csv Agency", "=Acme, \"Bakery\"");
        data(t);
        UUID id = report(t, "March KPIs", D1, D2, null);
        HttpResponse<byte[]> csv = download("/api/reports/" + id + "/export?format=csv", t.token());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"march-kpis_2025-03-10_2025-03-11.csv\"");
        assertThat(csv.headers().firstValue("X-Report-From")).hasValue("2025-03-10");
        assertThat(csv.headers().firstValue("X-Report-To")).hasValue("2025-03-11");
        assertThat(Long.parseLong(csv.headers().firstValue("X-Data-Position").orElseThrow())).isPositive();

        List<String> lines = List.of(new String(csv.body(), StandardCharsets.UTF_8).split("\r\n", -1));
        assertThat(lines).startsWith("report,March KPIs", "client,\"'=Acme, \"\"Bakery\"\"\"", "agency,Csv Agency",
                "range,2025-03-10,2025-03-11,fixed", "previous_range,2025-03-08,2025-03-09", "currency,EUR",
                "time_zone,Europe/Berlin");
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("data_as_of,demo,last_sync,\\d{4}-.*Z,data_through,2025-03-11"));
        int kpis = lines.indexOf("metric,label,unit,value,previous,change_pct");
        assertThat(lines.subList(kpis + 1, kpis + 5)).containsExactly(
                "sessions,Sessions,count,1234,1000,23.4",
                "revenue,Revenue,money,2234.5,2000,11.73",
                "roas,ROAS,multiplier,2.2345,2.5,-10.62",
                "ctr,CTR,ratio,0.03,,");
        int series = lines.indexOf("date,sessions,revenue,roas,ctr");
        assertThat(lines.subList(series + 1, series + 3)).containsExactly(
                "2025-03-10,1200,1234.5,2.469,0.03", "2025-03-11,34,1000,2,");
    }

    @Test
    void thePdfExportIsARealPdfWithTitleClientRangeKpisAndDataAsOf() throws Exception {
        Tenant t = tenant("Pdf Agency", "Łódź Bäckerei");
        data(t);
        UUID id = report(t, "Monthly KPIs", D1, D2, null);
        HttpResponse<byte[]> pdf = download("/api/reports/" + id + "/export?format=pdf", t.token());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment; filename=");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Monthly KPIs", "Łódź Bäckerei", "prepared by Pdf Agency",
                    "10 Mar 2025 – 11 Mar 2025", "compared with 8 Mar 2025 – 9 Mar 2025",
                    "1,234", "€2,234.50", "+23.40 %", "Previous period", "Data as of: Demo data: last sync",
                    "data through 11 Mar 2025", "Sessions by day", "By data source");
            assertThat(document.getPage(0).getResources().getXObjectNames()).as("the embedded chart").isNotEmpty();
        }
    }

    @Test
    void anotherAgencyGets404AndTheRenderingTokenOnlyExportsItsOwnReport() throws Exception {
        Tenant mine = tenant("Mine", "Mine client");
        Tenant theirs = tenant("Theirs", "Their client");
        UUID id = report(mine, "Private", D1, D2, null);
        UUID other = report(mine, "Other", D1, D2, null);
        assertThat(get("/api/reports", mine.token(), head()).get("total").asLong()).isEqualTo(2);
        assertThat(get("/api/reports?clientId=" + mine.clientId() + "&size=1", mine.token(), null).get("items")).hasSize(1);
        assertThat(get("/api/reports", theirs.token(), null).get("total").asLong()).isZero();
        assertThat(send("/api/reports/" + id, theirs.token(), Map.of()).statusCode()).isEqualTo(404);
        assertThat(download("/api/reports/" + id + "/export?format=csv", theirs.token()).statusCode()).isEqualTo(404);
        assertThat(send("/api/reports/" + id + "/deliveries", theirs.token(), Map.of()).statusCode()).isEqualTo(404);
        assertThat(send("/api/reports/" + id + "/export?format=docx", mine.token(), Map.of()).statusCode()).isEqualTo(400);

        String renderer = TestTokens.get().token(id, mine.agencyId(), "REPORT_RENDERER");
        assertThat(download("/api/reports/" + id + "/export?format=pdf", renderer).statusCode()).isEqualTo(200);
        assertThat(download("/api/reports/" + other + "/export?format=pdf", renderer).statusCode()).isEqualTo(404);
        assertThat(send("/api/reports/" + id, renderer, Map.of()).statusCode()).isEqualTo(403);
        assertThat(send("/api/reports", renderer, Map.of()).statusCode()).isEqualTo(403);
        assertThat(send("/api/clients", renderer, Map.of()).statusCode()).isEqualTo(403);
        String foreignRenderer = TestTokens.get().token(id, theirs.agencyId(), "REPORT_RENDERER");
        assertThat(download("/api/reports/" + id + "/export?format=pdf", foreignRenderer).statusCode()).isEqualTo(404);
    }

    @Test
    void deliveriesShowTheirFileAndADeletedReportKeepsItsHistory() throws Exception {
        Tenant t = tenant("History Agency", "History client");
        UUID id = report(t, "Weekly", null, null, "last_7_days");
        publish("Report", id, new ReportScheduled(id, t.agencyId(), t.clientId(), "weekly", "pdf",
                List.of("ceo@client.test"), "Europe/Berlin"));
        UUID sent = UUID.randomUUID();
        UUID failed = UUID.randomUUID();
        Instant at = Instant.parse("2025-03-17T05:00:07Z");
        publish("Report", id, new ReportDeliveryRequested(id, t.agencyId(), t.clientId(), sent, "schedule", "pdf",
                List.of("ceo@client.test"), LocalDate.parse("2025-03-17"), "Weekly"));
        publish("Report", id, new ReportDeliveryFailed(id, t.agencyId(), t.clientId(), sent, "smtp", "refused", 1, at,
                at.plusSeconds(120)));
        publish("Report", id, new ReportDelivered(id, t.agencyId(), t.clientId(), sent, "pdf", LocalDate.parse("2025-03-10"),
                LocalDate.parse("2025-03-16"), List.of("ceo@client.test"), "weekly_2025-03-10_2025-03-16.pdf", "ab".repeat(32),
                2048, 77, at.plusSeconds(130), 2));
        publish("Report", id, new ReportDeliveryRequested(id, t.agencyId(), t.clientId(), failed, "manual", "csv",
                List.of("cfo@client.test"), LocalDate.parse("2025-03-18"), "Weekly"));
        publish("Report", id, new ReportChanged(id, t.agencyId(), t.clientId(), "Weekly (renamed)", METRICS, null, null,
                "last_7_days"));

        JsonNode one = get("/api/reports/" + id, t.token(), head());
        assertThat(one.get("schedule").get("frequency").asText()).isEqualTo("weekly");
        assertThat(one.get("lastDeliveredAt").asText()).isEqualTo("2025-03-17T05:02:17Z");
        JsonNode history = get("/api/reports/" + id + "/deliveries", t.token(), null);
        assertThat(history.get("total").asLong()).isEqualTo(2);
        JsonNode delivered = history.get("items").get(1);
        assertThat(delivered.get("status").asText()).isEqualTo("delivered");
        assertThat(delivered.get("attempts").asInt()).isEqualTo(2);
        assertThat(delivered.get("sha256").asText()).isEqualTo("ab".repeat(32));
        assertThat(delivered.get("dataPosition").asLong()).isEqualTo(77);
        assertThat(delivered.get("from").asText()).isEqualTo("2025-03-10");
        assertThat(delivered.get("reportTitle").asText()).isEqualTo("Weekly (renamed)");
        assertThat(delivered.get("fileUrl").asText()).isEqualTo("/api/reports/" + id + "/deliveries/" + sent + "/file");
        assertThat(history.get("items").get(0).get("fileUrl").isNull()).isTrue();

        JsonNode onTheDay = get("/api/reports/deliveries?clientId=" + t.clientId() + "&from=2025-03-17&to=2025-03-17",
                t.token(), null);
        assertThat(onTheDay.get("items").findValuesAsText("id")).containsExactly(sent.toString());

        publish("Report", id, new ReportDeleted(id, t.agencyId(), t.clientId()));
        assertThat(send("/api/reports/" + id, t.token(), Map.of("X-Min-Position", String.valueOf(head()))).statusCode())
                .isEqualTo(404);
        JsonNode after = get("/api/reports/" + id + "/deliveries", t.token(), null);
        assertThat(after.get("items").findValuesAsText("status")).containsExactly("cancelled", "delivered");
        assertThat(get("/api/reports", t.token(), null).get("total").asLong()).isZero();
    }

    @Test
    void rebuildingReportsYieldsIdenticalRows() throws Exception {
        Tenant t = tenant("Rebuild Agency", "Rebuild client");
        UUID id = report(t, "Rebuilt", null, null, "last_30_days");
        publish("Report", id, new ReportScheduled(id, t.agencyId(), t.clientId(), "monthly", "csv",
                List.of("a@client.test", "b@client.test"), "Europe/Berlin"));
        UUID delivery = UUID.randomUUID();
        publish("Report", id, new ReportDeliveryRequested(id, t.agencyId(), t.clientId(), delivery, "schedule", "csv",
                List.of("a@client.test"), LocalDate.parse("2025-04-01"), "Weekly"));
        publish("Report", id, new ReportDeliveryFailed(id, t.agencyId(), t.clientId(), delivery, "no-smtp", "none", 1,
                Instant.parse("2025-04-01T04:00:00Z"), null));
        assertThat(readYourWrites.awaitPosition(head())).isTrue();
        List<String> reportsBefore = rows("query.reports_view", "report_id");
        List<String> deliveriesBefore = rows("query.report_deliveries_view", "delivery_id");
        assertThat(deliveriesBefore).isNotEmpty();

        rebuild("reports");
        assertThat(rows("query.reports_view", "report_id")).isEqualTo(reportsBefore);
        assertThat(rows("query.report_deliveries_view", "delivery_id")).isEqualTo(deliveriesBefore);
    }

    /** Rows as JSON text: JDBC arrays have no value equality, their JSON does. */
    private List<String> rows(String table, String key) {
        return jdbc.queryForList("SELECT to_jsonb(t)::text FROM " + table + " t ORDER BY " + key, String.class);
    }
}
