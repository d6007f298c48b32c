package com.webprometrics.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webprometrics.command.auth.AuthService;
import com.webprometrics.command.infra.tables.CommandTables;
import com.webprometrics.command.integrations.sync.SyncRunner;
import com.webprometrics.command.reports.RenderedFile;
import com.webprometrics.command.reports.ReportCommands.RecordDelivery;
import com.webprometrics.command.reports.ReportCommands.RequestDelivery;
import com.webprometrics.command.support.PostgresDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side's tables other than its secrets are kept from events and can be rebuilt from the event store:
 * after a life of sign-ups, team changes, clients, integrations and reports, emptying them and replaying the event
 * store gives the same rows, and commands keep working on the rebuilt tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wpm.billing.plans.starter.client-limit=3", "wpm.integrations.schedule-check=1h"})
class CommandTablesIntegrationTest {
    static final String OPERATOR = "operator@command-tables.test";
    private static final String PASSWORD = "a long enough passphrase";
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry);
    }

    @Autowired
    AuthService auth;
    @Autowired
    CommandTables tables;
    @Autowired
    CommandGateway commands;
    @Autowired
    SyncRunner runner;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void emptiedTablesAreRebuiltFromTheEventStoreWithIdenticalRows() throws Exception {
        AuthService.Tokens owner = auth.signUp("Rebuilt Agency", "Rita", "rebuild-" + UUID.randomUUID() + "@agency.test",
                PASSWORD, ZoneId.of("Europe/Berlin"));
        String token = owner.accessToken();

        // the team: one member promoted, one deactivated
        String member = join(token, "ANALYST");
        String leaver = join(token, "VIEWER");
        assertThat(call("PATCH", "/api/team/" + member, token, "{\"role\":\"ADMIN\"}").statusCode()).isEqualTo(200);
        assertThat(call("DELETE", "/api/team/" + leaver, token, null).statusCode()).isEqualTo(200);

        // clients: one active, one archived, restored and archived again
        String client = id(call("POST", "/api/clients", token, "{\"name\":\"Acme\"}"));
        String archived = id(call("POST", "/api/clients", token, "{\"name\":\"Gone Ltd\"}"));
        call("POST", "/api/clients/" + archived + "/archive", token, "");
        call("POST", "/api/clients/" + archived + "/restore", token, "");
        call("POST", "/api/clients/" + archived + "/archive", token, "");

        // integrations: demo data synced, a CSV feed, a disconnected one
        String demo = id(call("POST", "/api/clients/" + client + "/integrations", token, "{\"provider\":\"demo\"}"));
        assertThat(runner.awaitIdle(Duration.ofSeconds(60))).isTrue();
        id(call("POST", "/api/clients/" + client + "/integrations", token,
                "{\"provider\":\"csv\",\"accountName\":\"Shop\",\"settings\":{\"currency\":\"EUR\"}}"));
        call("DELETE", "/api/integrations/" + demo, token, null);
        String again = id(call("POST", "/api/clients/" + client + "/integrations", token, "{\"provider\":\"demo\"}"));
        assertThat(runner.awaitIdle(Duration.ofSeconds(60))).isTrue();
        assertThat(again).isNotEqualTo(demo);

        // reports: a rescheduled one with a delivery sent, one deleted with a delivery still waiting
        String weekly = id(call("POST", "/api/reports", token, """
                {"clientId":"%s","title":"Weekly KPIs","metrics":["sessions","cost"],"range":"last_7_days",
                 "schedule":{"frequency":"weekly","recipients":["ceo@client.test"]}}""".formatted(client)));
        call("PATCH", "/api/reports/" + weekly, token, "{\"schedule\":{\"frequency\":\"monthly\",\"recipients\":[\"ceo@client.test\"]}}");
        UUID delivery = UUID.randomUUID();
        UUID agency = owner.agencyId();
        commands.sendAndWait(new RequestDelivery(UUID.fromString(weekly), agency, delivery, "manual", "csv",
                List.of("cfo@client.test"), null, Instant.now()));
        byte[] csv = "date,sessions\n2025-03-01,12\n".getBytes(StandardCharsets.UTF_8);
        commands.sendAndWait(new RecordDelivery(UUID.fromString(weekly), agency, delivery, new RenderedFile(
                "weekly-kpis.csv", "text/csv;charset=UTF-8", "csv", csv, LocalDate.parse("2025-03-01"),
                LocalDate.parse("2025-03-07"), 42), List.of("cfo@client.test"), Instant.now(), 1));
        String doomed = id(call("POST", "/api/reports", token, """
                {"clientId":"%s","title":"Doomed","metrics":["sessions"],"range":"last_30_days"}""".formatted(client)));
        commands.sendAndWait(new RequestDelivery(UUID.fromString(doomed), agency, UUID.randomUUID(), "manual", "pdf",
                List.of("x@client.test"), null, Instant.now()));
        call("DELETE", "/api/reports/" + doomed, token, null);

        auth.signUp("Platform", "Op", OPERATOR, PASSWORD, ZoneId.of("UTC"));
        assertThat(operatorCall("grant", "not-the-token").statusCode()).as("without the operator token").isEqualTo(403);
        HttpResponse<String> granted = operatorCall("grant", operatorToken());
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        String operator = auth.login(OPERATOR, PASSWORD).accessToken();
        List<String> names = tables.names();
        assertThat(names).contains("command.client_quota", "command.seat_quota", "command.user_accounts",
                "command.integration_directory",
                "command.connected_accounts", "command.integration_schedule", "command.report_schedule",
                "command.report_deliveries", "command.report_files");
        Map<String, List<String>> before = rows(names);
        assertThat(before.get("command.seat_quota")).isNotEmpty();
        assertThat(before.get("command.report_deliveries")).anySatisfy(r -> assertThat(r).contains("cancelled"));
        assertThat(before.get("command.report_files")).anySatisfy(r -> assertThat(r).contains(delivery.toString()));
        assertThat(before.get("command.integration_directory")).anySatisfy(r -> assertThat(r).contains("disconnected"));

        jdbc.execute("TRUNCATE " + String.join(", ", names));
        assertThat(rows(names).values()).allSatisfy(r -> assertThat(r).isEmpty());

        HttpResponse<String> rebuilt = call("POST", "/api/ops/command-tables/rebuild", operator, "");

        assertThat(rebuilt.statusCode()).as(rebuilt.body()).isEqualTo(200);
        assertThat(JSON.readTree(rebuilt.body()).get("events").asLong()).isPositive();
        assertThat(rows(names)).isEqualTo(before);
        // the rebuilt tables carry on: the plan still counts one active client of three
        assertThat(call("POST", "/api/clients", token, "{\"name\":\"Second\"}").statusCode()).isEqualTo(201);
        assertThat(call("POST", "/api/clients", token, "{\"name\":\"Third\"}").statusCode()).isEqualTo(201);
        assertThat(call("POST", "/api/clients", token, "{\"name\":\"Fourth\"}").statusCode()).isEqualTo(402);
        assertThat(auth.login(jdbc.queryForObject("SELECT email FROM command.user_accounts WHERE user_id = ?::uuid",
                String.class, member), PASSWORD).accessToken()).isNotBlank();
        assertThat(call("POST", "/api/ops/command-tables/rebuild", token, "").statusCode())
                .as("operators only").isEqualTo(403);
    }

    @Test
    void withoutAnSmtpServerASentNowDeliveryFailsVisiblyAndForGood() throws Exception {
        AuthService.Tokens owner = auth.signUp("Mailless Agency", "Mo", "mailless-" + UUID.randomUUID() + "@agency.test",
                PASSWORD, ZoneId.of("UTC"));
        String client = id(call("POST", "/api/clients", owner.accessToken(), "{\"name\":\"Acme\"}"));
        String report = id(call("POST", "/api/reports", owner.accessToken(), """
                {"clientId":"%s","title":"KPIs","metrics":["sessions"],"range":"last_7_days"}""".formatted(client)));

        HttpResponse<String> sent = call("POST", "/api/reports/" + report + "/deliveries", owner.accessToken(),
                "{\"recipients\":[\"ceo@client.test\"]}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        String deliveryId = JSON.readTree(sent.body()).get("id").asText();

        String failure = null;
        for (int i = 0; i < 100 && failure == null; i++) {
            failure = jdbc.query("SELECT convert_from(payload, 'UTF8') FROM event_store.domain_event_entry "
                    + "WHERE aggregate_identifier = ? AND payload_type LIKE '%ReportDeliveryFailed'",
                    (rs, n) -> rs.getString(1), report).stream().findFirst().orElse(null);
            Thread.sleep(100);
        }
        assertThat(failure).isNotNull().contains("\"reason\":\"no-smtp\"", "\"nextAttemptAt\":null");
        assertThat(jdbc.queryForObject("SELECT status FROM command.report_deliveries WHERE delivery_id = ?::uuid",
                String.class, deliveryId)).isEqualTo("failed");
    }

    private String join(String ownerToken, String role) throws Exception {
        String email = role.toLowerCase() + "-" + UUID.randomUUID() + "@agency.test";
        JsonNode invitation = JSON.readTree(call("POST", "/api/team/invitations", ownerToken,
                "{\"email\":\"%s\",\"role\":\"%s\"}".formatted(email, role)).body());
        return auth.acceptInvitation(invitation.get("inviteToken").asText(), "Member", PASSWORD).userId().toString();
    }

    /** Every row of every table as text, sorted, so two states compare whatever order the rows were written in. */
    private Map<String, List<String>> rows(List<String> names) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String name : names) {
            rows.put(name, jdbc.queryForList("SELECT t::text FROM " + name + " t ORDER BY 1", String.class));
        }
        return rows;
    }

    private static String id(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("id").asText();
    }

    /** What {@code ./wpm ops grant} reads: the operator token in the data directory. */
    private static String operatorToken() throws Exception {
        return java.nio.file.Files.readString(java.nio.file.Path.of("target/wpm-test-data/operator-token")).trim();
    }

    private HttpResponse<String> operatorCall(String action, String operatorToken) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/internal/operators/ops/" + action))
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + OPERATOR + "\",\"operator\":\"test\"}"))
                .header("Content-Type", "application/json").header("X-Operator-Token", operatorToken).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> call(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
