package com.webprometrics.command.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.webprometrics.command.support.LocalSmtp;
import com.webprometrics.command.support.PostgresDatabase;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passwords as a user meets them over real HTTP against a real PostgreSQL and a real SMTP server (GreenMail): the
 * policy, argon2id hashes (and bcrypt ones upgraded at sign-in), a change that keeps its own session and ends the
 * others, and a reset by e-mailed link that works once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wpm.integrations.schedule-check=1h", "wpm.reports.delivery-check=1h"})
@ExtendWith(OutputCaptureExtension.class)
class PasswordsIntegrationTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GreenMail MAIL = LocalSmtp.start();
    private static final Pattern RESET_LINK = Pattern.compile("https://app\\.example\\.test/reset-password#token=([A-Za-z0-9_.-]+)");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry);
        LocalSmtp.register(registry, MAIL);
        registry.add("wpm.auth.public-url", () -> "https://app.example.test");
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void commonShortOrHugePasswordsAreRefusedAndLongOnesAreKeptWhole() throws Exception {
        for (String weak : List.of("password1234", "qwertyuiop123", "iloveyou2024!", "aaaaaaaaaaaaaaaa", "short")) {
            HttpResponse<String> refused = signUp(newEmail(), weak);
            assertThat(refused.statusCode()).as(weak).isEqualTo(400);
            assertThat(refused.body()).as(weak).contains("password");
        }
        String longOne = String.join(" ", UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
        assertThat(signUp(newEmail(), longOne).statusCode()).as("%d characters", longOne.length()).isEqualTo(201);
        assertThat(signUp(newEmail(), "y".repeat(201)).statusCode()).isEqualTo(400);

        // passwords that differ only after the 72nd byte: bcrypt would take them for the same password
        String email = newEmail();
        String prefix = UUID.randomUUID() + "-" + UUID.randomUUID() + "-";
        assertThat(signUp(email, prefix + "first ending words").statusCode()).isEqualTo(201);
        assertThat(login(email, prefix + "second ending word").statusCode()).isEqualTo(401);
        assertThat(login(email, prefix + "first ending words").statusCode()).isEqualTo(200);
        assertThat(hashOf(email)).startsWith("{argon2id}$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void aBcryptHashIsReplacedByArgon2idAtTheNextSignIn() throws Exception {
        String email = newEmail();
        assertThat(signUp(email, PASSWORD).statusCode()).isEqualTo(201);
        String bcrypt = "{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(10).encode(PASSWORD);
        jdbc.update("UPDATE command.credentials SET password_hash = ? WHERE lower(email) = lower(?)", bcrypt, email);

        assertThat(login(email, PASSWORD).statusCode()).isEqualTo(200);
        assertThat(hashOf(email)).startsWith("{argon2id}");
        assertThat(login(email, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void aChangeKeepsItsOwnSessionAndEndsEveryOther(CapturedOutput output) throws Exception {
        String email = newEmail();
        JsonNode here = JSON.readTree(signUp(email, PASSWORD).body());
        JsonNode elsewhere = JSON.readTree(login(email, PASSWORD).body());
        String newPassword = "a different passphrase entirely";

        HttpResponse<String> wrong = post("/api/auth/password", here.get("accessToken").asText(),
                "{\"currentPassword\":\"not it at all, sorry\",\"newPassword\":\"" + newPassword + "\"}");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(login(email, PASSWORD).statusCode()).as("nothing changed").isEqualTo(200);

        HttpResponse<String> changed = post("/api/auth/password", here.get("accessToken").asText(),
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + newPassword + "\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(JSON.readTree(changed.body()).get("position").asLong()).isPositive();

        assertThat(refresh(here.get("refreshToken").asText()).statusCode()).as("the session that changed it").isEqualTo(200);
        assertThat(refresh(elsewhere.get("refreshToken").asText()).statusCode()).as("another session").isEqualTo(401);
        assertThat(login(email, PASSWORD).statusCode()).isEqualTo(401);
        assertThat(login(email, newPassword).statusCode()).isEqualTo(200);
        assertThat(credentialEvents(email)).containsExactly("initial", "changed");

        String user = jdbc.queryForObject("SELECT user_id::text FROM command.credentials WHERE lower(email) = lower(?)",
                String.class, email);
        assertThat(output.getOut().lines()).as("check 28: the change as a security log line")
                .filteredOn(l -> l.contains("wpm.security") && l.contains("event=password_changed")
                        && l.contains("subject=\"" + user + "\""))
                .singleElement().satisfies(line -> assertThat(line).contains("actor=\"" + user + "\"",
                        "tenant=\"" + here.get("agencyId").asText() + "\"", "reason=\"changed\"", "ip=\""));
    }

    @Test
    void aResetLinkIsMailedWorksOnceAndEndsEverySession(CapturedOutput output) throws Exception {
        String email = newEmail();
        JsonNode session = JSON.readTree(signUp(email, PASSWORD).body());
        int before = MAIL.getReceivedMessages().length;

        HttpResponse<String> unknown = post("/api/auth/password-reset", null, "{\"email\":\"" + newEmail() + "\"}");
        HttpResponse<String> known = post("/api/auth/password-reset", null, "{\"email\":\"" + email.toUpperCase() + "\"}");
        assertThat(unknown.statusCode()).isEqualTo(202);
        assertThat(known.statusCode()).isEqualTo(202);
        assertThat(known.body()).isEqualTo(unknown.body());

        MAIL.waitForIncomingEmail(10_000, before + 1);
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(received).hasSize(before + 1);
        MimeMessage message = received[received.length - 1];
        assertThat(message.getAllRecipients()[0].toString()).isEqualToIgnoringCase(email);
        Matcher link = RESET_LINK.matcher((String) message.getContent());
        assertThat(link.find()).as("a link with the token in its fragment").isTrue();
        String token = link.group(1);
        byte[] stored = jdbc.queryForObject("SELECT token_hash FROM command.password_reset_tokens t "
                + "JOIN command.credentials c ON c.user_id = t.user_id WHERE lower(c.email) = lower(?)", byte[].class, email);
        assertThat(stored).as("only a hash is kept").isNotEqualTo(token.getBytes()).hasSize(32);

        String newPassword = "fresh words for a new start";
        assertThat(post("/api/auth/password-reset/confirm", null,
                "{\"token\":\"" + token + "\",\"newPassword\":\"password1234\"}").statusCode())
                .as("the policy holds for resets too").isEqualTo(400);
        HttpResponse<String> reset = post("/api/auth/password-reset/confirm", null,
                "{\"token\":\"" + token + "\",\"newPassword\":\"" + newPassword + "\"}");
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        HttpResponse<String> again = post("/api/auth/password-reset/confirm", null,
                "{\"token\":\"" + token + "\",\"newPassword\":\"yet another set of words\"}");
        assertThat(again.statusCode()).as("a link works once").isEqualTo(400);

        assertThat(refresh(session.get("refreshToken").asText()).statusCode()).as("every session ends").isEqualTo(401);
        assertThat(login(email, newPassword).statusCode()).isEqualTo(200);
        assertThat(credentialEvents(email)).containsExactly("initial", "reset");
        assertThat(output.getAll()).as("the token is never logged").doesNotContain(token);
        assertThat(allEventPayloads()).as("nor stored in an event").doesNotContain(token);
    }

    /**
     * A wrong password is answered first and recorded right after (so a known e-mail costs what an unknown one costs):
     * the account still gets its {@code LoginFailed}, with where the attempt came from.
     */
    @Test
    void aWrongPasswordIsRecordedOnTheAccountWithWhereItCameFrom() throws Exception {
        String email = newEmail();
        signUp(email, PASSWORD);
        HttpResponse<String> wrong = post("/api/auth/login", null,
                JSON.writeValueAsString(java.util.Map.of("email", email, "password", "not the password at all")));
        HttpResponse<String> unknown = post("/api/auth/login", null,
                JSON.writeValueAsString(java.util.Map.of("email", newEmail(), "password", "not the password at all")));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrong.body()).get("detail")).isEqualTo(JSON.readTree(unknown.body()).get("detail"));
        String sql = """
                SELECT convert_from(e.meta_data, 'UTF8') FROM event_store.domain_event_entry e
                JOIN command.credentials c ON e.aggregate_identifier = c.user_id::text
                WHERE lower(c.email) = lower(?) AND e.payload_type = 'com.webprometrics.events.auth.LoginFailed'""";
        List<String> recorded = List.of();
        for (int wait = 0; wait < 100 && recorded.isEmpty(); wait++) {
            recorded = jdbc.queryForList(sql, String.class, email);
            if (recorded.isEmpty()) {
                Thread.sleep(50);
            }
        }
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0)).contains("clientIp").contains("correlationId");
    }

    @Test
    void anExpiredResetLinkIsRefused() throws Exception {
        String email = newEmail();
        signUp(email, PASSWORD);
        String token = "expired-" + UUID.randomUUID();
        jdbc.update("INSERT INTO command.password_reset_tokens (token_hash, user_id, expires_at) "
                        + "SELECT ?, user_id, now() - interval '1 minute' FROM command.credentials WHERE lower(email) = lower(?)",
                OpaqueTokens.hash(token), email);
        HttpResponse<String> refused = post("/api/auth/password-reset/confirm", null,
                "{\"token\":\"" + token + "\",\"newPassword\":\"fresh words for a new start\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(login(email, PASSWORD).statusCode()).isEqualTo(200);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static String newEmail() {
        return "user-" + UUID.randomUUID() + "@passwords.test";
    }

    private HttpResponse<String> signUp(String email, String password) throws Exception {
        return post("/api/auth/signup", null, JSON.writeValueAsString(java.util.Map.of("agencyName", "Pass Agency",
                "name", "Pat", "email", email, "password", password)));
    }

    private HttpResponse<String> login(String email, String password) throws Exception {
        return post("/api/auth/login", null, JSON.writeValueAsString(java.util.Map.of("email", email, "password", password)));
    }

    private HttpResponse<String> refresh(String refreshToken) throws Exception {
        return post("/api/auth/refresh", null, "{\"refreshToken\":\"" + refreshToken + "\"}");
    }

    private String hashOf(String email) {
        return jdbc.queryForObject("SELECT password_hash FROM command.credentials WHERE lower(email) = lower(?)",
                String.class, email);
    }

    private List<String> credentialEvents(String email) {
        return jdbc.queryForList("""
                SELECT convert_from(e.payload, 'UTF8')::jsonb ->> 'reason' FROM event_store.domain_event_entry e
                JOIN command.credentials c ON e.aggregate_identifier = c.user_id::text
                WHERE lower(c.email) = lower(?) AND e.payload_type = 'com.webprometrics.events.auth.UserCredentialsChanged'
                ORDER BY e.global_index""", String.class, email);
    }

    private String allEventPayloads() {
        return String.join("\n", jdbc.queryForList(
                "SELECT convert_from(payload, 'UTF8') || convert_from(meta_data, 'UTF8') FROM event_store.domain_event_entry",
                String.class));
    }

    private HttpResponse<String> post(String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
