package com.webprometrics.command;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webprometrics.command.support.PostgresDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Check 22: the JSON and CSV entry points, fuzzed with Jazzer over real HTTP against a real PostgreSQL. Each input
 * picks an endpoint and either bends a valid body (a field dropped, nulled, retyped, resized, an unknown one added) or
 * sends bytes as they come. Whatever arrives, the answer is never a 5xx, a 400 is problem+json, and a 400 wrote no
 * event. {@code ./wpm test} fuzzes for a bounded time ({@code JAZZER_FUZZ=1}, set by the build); the inputs in
 * {@code RequestBodiesFuzzTestInputs} replay on every run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wpm.integrations.schedule-check=1h", "wpm.reports.delivery-check=1h"})
class RequestBodiesFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "correct horse battery staple";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static String token;
    private static String clientId;
    private static String reportId;
    private static String integrationId;
    private static String memberId;

    private record Target(String method, String path, String template) {
    }

    private static List<Target> targets() {
        return List.of(
                new Target("POST", "/api/auth/signup", """
                        {"agencyName":"Fuzz Agency","name":"Fay","email":"fay@fuzz.test","password":"%s"}""".formatted(PASSWORD)),
                new Target("POST", "/api/clients", """
                        {"name":"Acme","website":"https://acme.example","industry":"Retail",
                         "contactEmail":"ops@acme.example","notes":"n"}"""),
                new Target("PATCH", "/api/clients/" + clientId, """
                        {"name":"Acme 2","website":"https://acme.example","notes":"changed"}"""),
                new Target("POST", "/api/reports", """
                        {"clientId":"%s","title":"Monthly","metrics":["sessions","clicks"],"range":"last_30_days",
                         "from":"2024-01-01","to":"2024-01-31",
                         "schedule":{"frequency":"weekly","format":"pdf","recipients":["boss@acme.example"]}}"""
                        .formatted(clientId)),
                new Target("PATCH", "/api/reports/" + reportId, """
                        {"title":"Weekly","metrics":["sessions"],"range":"last_7_days",
                         "schedule":{"frequency":"monthly","format":"csv","recipients":["a@acme.example"]}}"""),
                new Target("POST", "/api/team/invitations", """
                        {"email":"new@fuzz.test","role":"ANALYST"}"""),
                new Target("PATCH", "/api/team/" + memberId, """
                        {"role":"VIEWER"}"""),
                new Target("POST", "/api/clients/" + clientId + "/integrations", """
                        {"provider":"csv","accountName":"Sheet"}"""),
                new Target("POST", "/api/auth/password-reset", """
                        {"email":"fay@fuzz.test"}"""),
                new Target("POST", "/api/auth/password-reset/confirm", """
                        {"token":"abc","newPassword":"%s"}""".formatted(PASSWORD)),
                new Target("POST", "/api/auth/accept-invitation", """
                        {"inviteToken":"abc","name":"Neo","password":"%s"}""".formatted(PASSWORD)),
                new Target("IMPORT", "/api/integrations/" + integrationId + "/import", """
                        date,metric,value
                        2024-01-01,sessions,10
                        2024-01-02,clicks,3.5"""));
    }

    @BeforeEach
    void anAgencyToFuzzIn() throws Exception {
        if (token != null) return;
        JsonNode owner = JSON.readTree(send("POST", "/api/auth/signup", null, """
                {"agencyName":"Fuzz Owner","name":"Olga","email":"olga-%s@fuzz.test","password":"%s"}"""
                .formatted(UUID.randomUUID(), PASSWORD)).body());
        token = owner.path("accessToken").asText();
        clientId = JSON.readTree(send("POST", "/api/clients", token, "{\"name\":\"Fuzz Client\"}").body()).path("id").asText();
        integrationId = JSON.readTree(send("POST", "/api/clients/" + clientId + "/integrations", token,
                "{\"provider\":\"csv\"}").body()).path("id").asText();
        reportId = JSON.readTree(send("POST", "/api/reports", token, """
                {"clientId":"%s","title":"Fuzz report","metrics":["sessions"]}"""
                .formatted(clientId)).body()).path("id").asText();
        memberId = owner.path("userId").asText();
        assertThat(List.of(token, clientId, integrationId, reportId, memberId)).doesNotContain("");
    }

    @FuzzTest(maxDuration = "45s")
    void everyEntryPointAnswersBadInputWithAProblemAndWritesNothing(FuzzedDataProvider data) throws Exception {
        // the test talks to its own server and database on loopback; anything else would be a finding
        BugDetectors.allowNetworkConnections((host, port) -> host.equals("127.0.0.1") || host.equals("localhost"));
        List<Target> targets = targets();
        Target target = targets.get(data.consumeInt(0, targets.size() - 1));
        String body = data.consumeBoolean() ? bent(target.template(), data) : data.consumeRemainingAsString();
        long before = head();

        HttpResponse<String> answer = send(target.method(), target.path(), token, body);

        assertThat(answer.statusCode()).as("%s %s with %s → %s", target.method(), target.path(), body, answer.body())
                .isLessThan(500);
        if (answer.statusCode() == 400) {
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(answer.body())
                    .startsWith("application/problem+json");
            assertThat(head()).as("a refused %s %s wrote no event", target.method(), target.path()).isEqualTo(before);
        }
    }

    /** The template with some of its fields changed by the fuzzer. */
    private static String bent(String template, FuzzedDataProvider data) throws IOException {
        if (template.startsWith("date,")) {
            List<String> lines = new ArrayList<>(template.lines().toList());
            int line = data.consumeInt(0, lines.size());
            String fuzzed = data.consumeString(200);
            if (line == lines.size()) lines.add(fuzzed);
            else lines.set(line, fuzzed);
            return String.join(data.consumeBoolean() ? "\n" : "\r\n", lines);
        }
        ObjectNode body = (ObjectNode) JSON.readTree(template);
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) names.add(it.next());
        int changes = data.consumeInt(1, 3);
        for (int i = 0; i < changes; i++) {
            String field = data.consumeBoolean() ? names.get(data.consumeInt(0, names.size() - 1)) : data.consumeString(20);
            switch (data.consumeInt(0, 7)) {
                case 0 -> body.remove(field);
                case 1 -> body.putNull(field);
                case 2 -> body.put(field, data.consumeString(400));
                case 3 -> body.put(field, data.consumeLong());
                case 4 -> body.put(field, data.consumeDouble());
                case 5 -> body.put(field, data.consumeBoolean());
                case 6 -> {
                    ArrayNode array = body.putArray(field);
                    int size = data.consumeInt(0, 5);
                    for (int j = 0; j < size; j++) array.add(data.consumeString(40));
                }
                default -> body.putObject(field).put(data.consumeString(10), data.consumeString(40));
            }
        }
        return JSON.writeValueAsString(body);
    }

    private long head() {
        Long head = jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM event_store.domain_event_entry", Long.class);
        return head == null ? 0 : head;
    }

    private HttpResponse<String> send(String method, String path, String bearer, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (bearer != null) request.header("Authorization", "Bearer " + bearer);
        if (method.equals("IMPORT")) {
            String boundary = "fuzz-" + UUID.randomUUID();
            String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n" + body + "\r\n--" + boundary + "--\r\n";
            request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(multipart, StandardCharsets.UTF_8));
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
