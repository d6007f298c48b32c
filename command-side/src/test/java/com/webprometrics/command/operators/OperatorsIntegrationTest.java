package com.webprometrics.command.operators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webprometrics.command.support.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform role OPS comes only from an operator on the machine ({@code ./wpm ops grant}: a loopback peer with the
 * operator token from the data directory), as an event on the account; no setting, sign-up or e-mail address claims
 * it — not even one listed in the retired {@code WPM_OPS_EMAILS}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wpm.integrations.schedule-check=1h", "wpm.reports.delivery-check=1h",
                "WPM_OPS_EMAILS=boss@ops.test", "wpm.auth.ops-emails=boss@ops.test"})
class OperatorsIntegrationTest {
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
    /** The data directory the other tests' contexts share: its master key sealed the shared database's signing key. */
    @Value("${wpm.credentials.data-dir}")
    String dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aListedAddressThatSignsUpGetsNoOps() throws Exception {
        String email = "boss@ops.test";
        HttpResponse<String> signUp = post("/api/auth/signup", null, null, """
                {"agencyName":"Claim Agency","name":"Boss","email":"%s","password":"%s"}""".formatted(email, PASSWORD));
        assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(201);
        assertThat(roles(JSON.readTree(signUp.body()).path("accessToken").asText())).containsExactly("OWNER");
        assertThat(roles(login(email))).containsExactly("OWNER");
    }

    @Test
    void onlyTheOperatorOnTheMachineGrantsAndRevokesOpsAndTheAccountRecordsIt() throws Exception {
        String email = "ops-" + UUID.randomUUID() + "@agency.test";
        JsonNode owner = JSON.readTree(post("/api/auth/signup", null, null, """
                {"agencyName":"Ops Agency","name":"Oona","email":"%s","password":"%s"}""".formatted(email, PASSWORD)).body());
        String change = "{\"email\":\"" + email + "\",\"operator\":\"test\"}";
        String tokenHeader = OperatorController.TOKEN_HEADER;

        assertThat(post("/internal/operators/ops/grant", null, null, change).statusCode()).as("no operator token")
                .isEqualTo(403);
        assertThat(post("/internal/operators/ops/grant", tokenHeader, "not-the-token", change).statusCode()).isEqualTo(403);
        assertThat(post("/internal/operators/ops/grant", "Authorization", "Bearer " + owner.path("accessToken").asText(),
                change).statusCode()).as("an owner's access token is no operator token").isEqualTo(403);
        assertThat(roles(login(email))).doesNotContain("OPS");

        HttpResponse<String> granted = post("/internal/operators/ops/grant", tokenHeader, operatorToken(), change);
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
        assertThat(roles(login(email))).as("tokens issued after the grant").contains("OWNER", "OPS");
        assertThat(jdbc.queryForList("SELECT payload_type FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                String.class, owner.path("userId").asText())).contains("com.webprometrics.events.auth.OpsRoleGranted");

        HttpResponse<String> revoked = post("/internal/operators/ops/revoke", tokenHeader, operatorToken(), change);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        assertThat(roles(login(email))).doesNotContain("OPS");
    }

    private String operatorToken() throws IOException {
        return Files.readString(Path.of(dataDir).resolve(OperatorAccess.FILE_NAME), StandardCharsets.UTF_8).trim();
    }

    private String login(String email) throws Exception {
        HttpResponse<String> r = post("/api/auth/login", null, null,
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, PASSWORD));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("accessToken").asText();
    }

    private static List<String> roles(String accessToken) throws IOException {
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]));
        List<String> roles = new ArrayList<>();
        claims.path("roles").forEach(role -> roles.add(role.asText()));
        return roles;
    }

    private HttpResponse<String> post(String path, String header, String value, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (header != null) request.header(header, value);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
