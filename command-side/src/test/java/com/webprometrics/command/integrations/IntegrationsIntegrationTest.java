package com.webprometrics.command.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webprometrics.command.auth.AuthService;
import com.webprometrics.command.integrations.sync.ScheduledSyncs;
import com.webprometrics.command.integrations.sync.SyncRunner;
import com.webprometrics.command.support.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

// the scheduler is driven by hand here (runOnce), never by the clock mid-test
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "wpm.integrations.schedule-check=1h")
class IntegrationsIntegrationTest {
    private static final String PASSWORD = "a long enough passphrase";
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry);
    }

    @Autowired
    AuthService auth;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ScheduledSyncs scheduledSyncs;
    @Autowired
    SyncRunner runner;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aDemoIntegrationGetsAYearOfDataAndAResyncRecordsOnlyChangedDays() throws Exception {
        AuthService.Tokens owner = signUp("Demo Agency");
        String clientId = createClient(owner, "Acme Outdoor");
        LocalDate before = LocalDate.now(ZoneOffset.UTC);

        HttpResponse<String> connected = post("/api/clients/" + clientId + "/integrations", owner.accessToken(),
                "{\"provider\":\"demo\"}");
        assertThat(connected.statusCode()).as(connected.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(connected.body());
        String integrationId = body.get("id").asText();
        assertThat(body.get("status").asText()).isEqualTo("connected");
        assertThat(connected.headers().firstValue("Location")).hasValue("/api/integrations/" + integrationId);
        assertThat(body.get("position").asLong()).as("answered once the first sync has started")
                .isEqualTo(positionOf(integrationId, "IntegrationSyncStarted"));
        awaitSyncs();
        assertThat(count(integrationId, "DailyMetricsRecorded")).isEqualTo(365);
        assertThat(count(integrationId, "IntegrationSyncSucceeded")).isEqualTo(1);
        String first = jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8') FROM event_store.domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type LIKE '%DailyMetricsRecorded' ORDER BY global_index LIMIT 1""",
                String.class, integrationId);
        assertThat(first).contains("\"clientId\":\"" + clientId + "\"", "\"provider\":\"demo\"", "\"currency\":\"USD\"",
                "\"sessions\"", "\"date\":\"" + before.minusDays(365) + "\"");

        HttpResponse<String> sync = post("/api/integrations/" + integrationId + "/sync", owner.accessToken(), "");
        assertThat(sync.statusCode()).as(sync.body()).isEqualTo(202);
        JsonNode accepted = JSON.readTree(sync.body());
        assertThat(accepted.get("id").asText()).isEqualTo(integrationId);
        assertThat(accepted.get("syncId").asText()).isNotBlank();
        assertThat(accepted.get("position").asLong()).isEqualTo(positionOf(integrationId, "IntegrationSyncStarted"));
        HttpResponse<String> twice = post("/api/clients/" + clientId + "/integrations", owner.accessToken(),
                "{\"provider\":\"demo\"}");
        assertThat(twice.statusCode()).as("the same account twice would count its numbers twice").isEqualTo(409);
        assertThat(twice.body()).contains("already has a Demo data integration");
        awaitSyncs();
        assertThat(count(integrationId, "IntegrationSyncSucceeded")).isEqualTo(2);
        if (LocalDate.now(ZoneOffset.UTC).equals(before)) {
            assertThat(count(integrationId, "DailyMetricsRecorded")).isEqualTo(365);
            assertThat(lastPayload(integrationId, "IntegrationSyncSucceeded")).contains("\"daysRecorded\":0");
        }

        HttpResponse<String> deleted = send("DELETE", "/api/integrations/" + integrationId, owner.accessToken(), null, null);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(count(integrationId, "IntegrationDisconnected")).isEqualTo(1);
        HttpResponse<String> afterwards = post("/api/integrations/" + integrationId + "/sync", owner.accessToken(), "");
        assertThat(afterwards.statusCode()).isEqualTo(409);
        HttpResponse<String> again = post("/api/clients/" + clientId + "/integrations", owner.accessToken(),
                "{\"provider\":\"demo\"}");
        assertThat(again.statusCode()).as("disconnecting frees the account").isEqualTo(201);
        awaitSyncs();
    }

    @Test
    void dueIntegrationsAreSyncedOnScheduleAndClaimedByOneInstanceOnly() throws Exception {
        AuthService.Tokens owner = signUp("Scheduled Agency");
        String clientId = createClient(owner, "Scheduled Client");
        HttpResponse<String> connected = post("/api/clients/" + clientId + "/integrations", owner.accessToken(),
                "{\"provider\":\"demo\"}");
        String integrationId = JSON.readTree(connected.body()).get("id").asText();
        awaitSyncs();
        assertThat(jdbc.queryForObject("SELECT next_sync_at > now() + interval '5 hours' FROM command.integration_schedule "
                + "WHERE integration_id = ?::uuid", Boolean.class, integrationId)).isTrue();

        jdbc.update("UPDATE command.integration_schedule SET next_sync_at = now() - interval '1 minute' "
                + "WHERE integration_id = ?::uuid", integrationId);
        assertThat(scheduledSyncs.runOnce()).isGreaterThanOrEqualTo(1);
        assertThat(lastPayload(integrationId, "IntegrationSyncStarted")).contains("\"trigger\":\"schedule\"");
        awaitSyncs();
        assertThat(count(integrationId, "IntegrationSyncSucceeded")).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT next_sync_at > now() + interval '5 hours' FROM command.integration_schedule "
                + "WHERE integration_id = ?::uuid", Boolean.class, integrationId)).as("due again in 6 h").isTrue();

        // Two instances looking at the same moment never start the same integration twice.
        long due = jdbc.update("UPDATE command.integration_schedule SET next_sync_at = now() - interval '1 minute'");
        long startsBefore = scheduledStarts();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(scheduledSyncs::runOnce);
            var second = pool.submit(scheduledSyncs::runOnce);
            assertThat(first.get() + second.get()).isEqualTo(due);
        } finally {
            pool.shutdownNow();
        }
        assertThat(scheduledStarts() - startsBefore).as("each due integration started once").isEqualTo(due);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM command.integration_schedule WHERE next_sync_at < now()",
                Integer.class)).as("every started one is leased").isZero();
        awaitSyncs();

        send("DELETE", "/api/integrations/" + integrationId, owner.accessToken(), null, null);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM command.integration_schedule WHERE integration_id = ?::uuid",
                Integer.class, integrationId)).as("a disconnected integration is not scheduled").isZero();
    }

    @Test
    void aCsvUploadReportsBadLinesAndTheSameFileTwiceRecordsNothingNew() throws Exception {
        AuthService.Tokens owner = signUp("Csv Agency");
        String clientId = createClient(owner, "Csv Client");
        HttpResponse<String> connected = post("/api/clients/" + clientId + "/integrations", owner.accessToken(),
                "{\"provider\":\"csv\",\"accountName\":\"Offline sales\",\"settings\":{\"currency\":\"EUR\"}}");
        assertThat(connected.statusCode()).as(connected.body()).isEqualTo(201);
        String integrationId = JSON.readTree(connected.body()).get("id").asText();
        assertThat(count(integrationId, "DailyMetricsRecorded")).isZero();

        String csv = "date,metric,value\n2025-01-01,revenue,120.50\n2025-01-01,sessions,abc\n2025-01-02,revenue,99\n";
        HttpResponse<String> uploaded = upload(integrationId, owner.accessToken(), csv);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(uploaded.body());
        assertThat(result.get("rowsAccepted").asInt()).isEqualTo(2);
        assertThat(result.get("rowsRejected").asInt()).isEqualTo(1);
        assertThat(result.get("daysRecorded").asInt()).isEqualTo(2);
        assertThat(result.get("errors")).hasSize(1);
        assertThat(result.get("errors").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(result.get("errors").get(0).get("message").asText()).contains("not a number");
        assertThat(count(integrationId, "DailyMetricsRecorded")).isEqualTo(2);
        assertThat(lastPayload(integrationId, "DailyMetricsRecorded")).contains("\"currency\":\"EUR\"");

        HttpResponse<String> again = upload(integrationId, owner.accessToken(), csv);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("daysRecorded").asInt()).isZero();
        assertThat(count(integrationId, "DailyMetricsRecorded")).isEqualTo(2);

        assertThat(upload(integrationId, owner.accessToken(), "nonsense\n").statusCode()).isEqualTo(400);
        HttpResponse<String> tooLarge = upload(integrationId, owner.accessToken(),
                "date,metric,value\n" + "2025-01-01,sessions,1\n".repeat(250_000));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("payload-too-large");
        assertThat(post("/api/integrations/" + integrationId + "/sync", owner.accessToken(), "").statusCode()).isEqualTo(409);
    }

    @Test
    void otherAgenciesAndBadRequestsAreRefused() throws Exception {
        AuthService.Tokens owner = signUp("Owner Agency");
        AuthService.Tokens stranger = signUp("Stranger Agency");
        String clientId = createClient(owner, "Private Client");
        String integrationId = JSON.readTree(post("/api/clients/" + clientId + "/integrations", owner.accessToken(),
                "{\"provider\":\"demo\"}").body()).get("id").asText();
        awaitSyncs();
        long events = jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Long.class);

        HttpResponse<String> sync = post("/api/integrations/" + integrationId + "/sync", stranger.accessToken(), "");
        assertThat(sync.statusCode()).isEqualTo(404);
        assertThat(sync.body()).contains("not-found", "The integration was not found.");
        assertThat(send("DELETE", "/api/integrations/" + integrationId, stranger.accessToken(), null, null).statusCode())
                .isEqualTo(404);
        assertThat(upload(integrationId, stranger.accessToken(), "date,metric,value\n").statusCode()).isEqualTo(404);
        assertThat(post("/api/clients/" + clientId + "/integrations", stranger.accessToken(), "{\"provider\":\"demo\"}")
                .statusCode()).isEqualTo(404);
        assertThat(post("/api/clients/" + UUID.randomUUID() + "/integrations", owner.accessToken(), "{\"provider\":\"demo\"}")
                .statusCode()).isEqualTo(404);

        HttpResponse<String> ga4 = post("/api/clients/" + clientId + "/integrations", owner.accessToken(), "{\"provider\":\"ga4\"}");
        assertThat(ga4.statusCode()).isEqualTo(400);
        assertThat(ga4.body()).as("no Google OAuth client is configured here")
                .contains("Provider ga4 is not available on this server");
        assertThat(post("/api/clients/" + clientId + "/integrations", owner.accessToken(), "{}").statusCode()).isEqualTo(400);
        assertThat(post("/api/clients/" + clientId + "/integrations", owner.accessToken(),
                "{\"provider\":\"csv\",\"settings\":{\"currency\":\"euro\"}}").statusCode()).isEqualTo(400);
        HttpResponse<String> demoUpload = upload(integrationId, owner.accessToken(), "date,metric,value\n");
        assertThat(demoUpload.statusCode()).isEqualTo(409);
        assertThat(send("POST", "/api/integrations/" + integrationId + "/import", owner.accessToken(), "multipart/form-data; boundary=x",
                HttpRequest.BodyPublishers.ofString("--x--\r\n")).statusCode()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Long.class)).isEqualTo(events);

        HttpResponse<String> archived = post("/api/clients/" + clientId + "/archive", owner.accessToken(), "");
        assertThat(archived.statusCode()).isEqualTo(200);
        assertThat(post("/api/clients/" + clientId + "/integrations", owner.accessToken(), "{\"provider\":\"csv\"}")
                .statusCode()).isEqualTo(409);
    }

    @Test
    void providersWithoutConfiguredOAuthClientsAreListedAsUnavailable() throws Exception {
        AuthService.Tokens owner = signUp("Catalogue Agency");
        HttpResponse<String> response = send("GET", "/api/integrations/providers", owner.accessToken(), null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode providers = JSON.readTree(response.body());
        java.util.Map<String, Boolean> available = new java.util.LinkedHashMap<>();
        providers.forEach(p -> available.put(p.get("key").asText(), p.get("available").asBoolean()));
        assertThat(available).containsExactly(java.util.Map.entry("demo", true), java.util.Map.entry("csv", true),
                java.util.Map.entry("ga4", false), java.util.Map.entry("google-ads", false),
                java.util.Map.entry("meta-ads", false), java.util.Map.entry("search-console", false));
        assertThat(providers.get(2).get("authType").asText()).isEqualTo("oauth2");
        assertThat(providers.get(2).get("metrics")).isNotEmpty();
    }

    private AuthService.Tokens signUp(String agency) {
        return auth.signUp(agency, "Olga", "int-" + UUID.randomUUID() + "@agency.test", PASSWORD, java.time.ZoneId.of("UTC"));
    }

    private String createClient(AuthService.Tokens owner, String name) throws Exception {
        HttpResponse<String> created = post("/api/clients", owner.accessToken(), "{\"name\":\"" + name + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asText();
    }

    private long count(String integrationId, String event) {
        return jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type = ?", Long.class, integrationId, "com.webprometrics.events.integrations." + event);
    }

    private String lastPayload(String integrationId, String event) {
        return jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM event_store.domain_event_entry "
                + "WHERE aggregate_identifier = ? AND payload_type = ? ORDER BY global_index DESC LIMIT 1", String.class,
                integrationId, "com.webprometrics.events.integrations." + event);
    }

    private long scheduledStarts() {
        return jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry WHERE payload_type = "
                + "'com.webprometrics.events.integrations.IntegrationSyncStarted' "
                + "AND convert_from(payload, 'UTF8') LIKE '%\"trigger\":\"schedule\"%'", Long.class);
    }

    private void awaitSyncs() throws InterruptedException {
        assertThat(runner.awaitIdle(java.time.Duration.ofSeconds(60))).as("background syncs finished").isTrue();
    }

    private long positionOf(String integrationId, String event) {
        return jdbc.queryForObject("SELECT max(global_index) FROM event_store.domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type = ?", Long.class, integrationId, "com.webprometrics.events.integrations." + event);
    }

    private HttpResponse<String> upload(String integrationId, String token, String csv) throws Exception {
        String boundary = "wpm-" + UUID.randomUUID();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"metrics.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return send("POST", "/api/integrations/" + integrationId + "/import", token, "multipart/form-data; boundary=" + boundary,
                HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String token, String json) throws Exception {
        return send("POST", path, token, "application/json", HttpRequest.BodyPublishers.ofString(json));
    }

    private HttpResponse<String> send(String method, String path, String token, String contentType,
                                      HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body)
                .header("Authorization", "Bearer " + token);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
