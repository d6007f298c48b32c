package com.webprometrics.command.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpServer;
import com.webprometrics.command.auth.AccessTokens;
import com.webprometrics.command.auth.AuthService;
import com.webprometrics.command.auth.SigningKeys;
import com.webprometrics.command.support.LocalSmtp;
import com.webprometrics.command.support.PostgresDatabase;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports on the command side against a real PostgreSQL: the API's validation, the schedule and the delivery
 * worker with a real SMTP server (GreenMail) and a stand-in for the query side's export over real HTTP. Time is
 * an injectable clock moved by hand; the scheduler and the worker are driven by hand, never by a timer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wpm.integrations.schedule-check=1h", "wpm.reports.delivery-check=1h",
                "wpm.reports.send-on-request=false", "wpm.reports.manual-sends-per-hour=3"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportsIntegrationTest {
    private static final String PASSWORD = "a long enough passphrase";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] PDF = ("%PDF-1.4\n% a stand-in report " + UUID.randomUUID() + "\n%%EOF\n").getBytes();
    private static final GreenMail MAIL = LocalSmtp.start();
    private static final QueryStandIn QUERY = new QueryStandIn();
    private static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry);
        LocalSmtp.register(registry, MAIL);
        registry.add("wpm.reports.smtp.from", () -> "reports@agency.test");
        registry.add("wpm.reports.query-url", QUERY::url);
    }

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        Clock testClock() {
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return Clock.fixed(NOW.get(), zone);
                }

                @Override
                public Instant instant() {
                    return NOW.get();
                }
            };
        }
    }

    @AfterAll
    static void stopServers() {
        MAIL.stop();
        QUERY.server.stop(0);
    }

    @Autowired
    AuthService auth;
    @Autowired
    com.webprometrics.platform.privacy.PersonalDataReader personalData;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ScheduledReports scheduled;
    @Autowired
    ReportSchedules schedules;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;
    @Autowired
    ReportDeliveries deliveries;
    @Autowired
    AccessTokens tokens;
    @Autowired
    SigningKeys keys;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @Order(1)
    void aDueWeeklyReportIsSentOnceEvenWithTwoClaimersAndExactlyWhatWasSentIsKept() throws Exception {
        AuthService.Tokens owner = signUp("Weekly Agency");
        String clientId = createClient(owner, "Acme Bakery");
        HttpResponse<String> created = send("POST", "/api/reports", owner.accessToken(), """
                {"clientId":"%s","title":"Weekly KPIs","metrics":["sessions","cost","roas"],"range":"last_7_days",
                 "schedule":{"frequency":"weekly","recipients":["ceo@client.test","CFO <cfo@client.test>"]}}"""
                .formatted(clientId));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(400); // a display name is not an address
        created = send("POST", "/api/reports", owner.accessToken(), """
                {"clientId":"%s","title":"Weekly KPIs","metrics":["sessions","cost","roas"],"range":"last_7_days",
                 "schedule":{"frequency":"weekly","recipients":["ceo@client.test","cfo@client.test"]}}"""
                .formatted(clientId));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String reportId = JSON.readTree(created.body()).get("id").asText();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/reports/" + reportId);
        assertThat(JSON.readTree(created.body()).get("position").asLong()).isEqualTo(headOf(reportId));

        Instant due = jdbc.queryForObject("SELECT next_run_at FROM command.report_schedule WHERE report_id = ?::uuid",
                java.sql.Timestamp.class, reportId).toInstant();
        assertThat(due).as("the first Monday 06:00 after it was scheduled")
                .isEqualTo(DeliveryCalendar.next("weekly", "UTC", 6, eventTime(reportId, "ReportScheduled")));
        assertThat(scheduled.requestDue()).as("not due yet").isZero();

        NOW.set(due.plusSeconds(30));
        assertThat(bothAtOnce(scheduled::requestDue)).containsExactlyInAnyOrder(0, 1);
        assertThat(count(reportId, "ReportDeliveryRequested")).isEqualTo(1);
        LocalDate monday = LocalDate.ofInstant(due, ZoneOffset.UTC);
        assertThat(lastPayload(reportId, "ReportDeliveryRequested")).contains("\"trigger\":\"schedule\"",
                "\"asOf\":\"" + monday + "\"", "\"format\":\"pdf\"");
        assertThat(jdbc.queryForObject("SELECT next_run_at FROM command.report_schedule WHERE report_id = ?::uuid",
                java.sql.Timestamp.class, reportId).toInstant()).isEqualTo(due.plus(7, ChronoUnit.DAYS));

        assertThat(bothAtOnce(deliveries::runOnce)).containsExactlyInAnyOrder(0, 1);
        assertThat(count(reportId, "ReportDelivered")).isEqualTo(1);

        // the query side was asked for this report, as of the scheduled day, with a token only good for that
        QueryStandIn.Request asked = QUERY.requests.get(0);
        assertThat(asked.path()).isEqualTo("/api/reports/" + reportId + "/export");
        assertThat(asked.query()).isEqualTo("format=pdf&asOf=" + monday);
        assertThat(asked.minPosition()).as("at least the request itself").isGreaterThanOrEqualTo(jdbc.queryForObject(
                "SELECT global_index FROM event_store.domain_event_entry WHERE aggregate_identifier = ? AND payload_type = "
                + "'com.webprometrics.events.reports.ReportDeliveryRequested'", Long.class, reportId));
        Jwt token = NimbusJwtDecoder.withPublicKey(keys.current().toRSAPublicKey()).build().decode(asked.token());
        assertThat(token.getSubject()).isEqualTo(reportId);
        assertThat(token.getClaimAsStringList("roles")).containsExactly("REPORT_RENDERER");
        assertThat(token.getClaimAsString("agency_id")).isEqualTo(owner.agencyId().toString());
        assertThat(token.getExpiresAt()).isBefore(token.getIssuedAt().plusSeconds(61));

        // one message, to both recipients, with the file attached byte for byte
        MimeMessage[] received = MAIL.getReceivedMessages();
        assertThat(Arrays.stream(received).map(ReportsIntegrationTest::messageId).collect(Collectors.toSet())).hasSize(1);
        MimeMessage message = received[0];
        assertThat(message.getAllRecipients()).extracting(Object::toString)
                .containsExactly("ceo@client.test", "cfo@client.test");
        assertThat(message.getSubject()).startsWith("Weekly KPIs · ");
        Part attachment = attachment(message);
        assertThat(attachment.getFileName()).isEqualTo("weekly-kpis_2025-03-10_2025-03-16.pdf");
        byte[] sent = attachment.getInputStream().readAllBytes();
        assertThat(sent).isEqualTo(PDF);

        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));
        Map<String, Object> file = jdbc.queryForMap("SELECT f.*, c.content FROM command.report_files f "
                + "JOIN command.report_file_contents c USING (sha256) WHERE report_id = ?::uuid", reportId);
        assertThat((byte[]) file.get("content")).isEqualTo(sent);
        assertThat(file.get("sha256")).isEqualTo(sha256);
        assertThat(file.get("data_position")).isEqualTo(4242L);
        String delivered = lastPayload(reportId, "ReportDelivered");
        assertThat(delivered).contains("\"sha256\":\"" + sha256 + "\"", "\"dataPosition\":4242",
                "\"from\":\"2025-03-10\"", "\"to\":\"2025-03-16\"", "\"sizeBytes\":" + PDF.length, "\"attempt\":1",
                "\"recipients\":[\"ceo@client.test\",\"cfo@client.test\"]");
        String deliveryId = JSON.readTree(delivered).get("deliveryId").asText();
        assertThat(deliveryId).isEqualTo(file.get("delivery_id").toString());

        // anyone in the agency can fetch exactly those bytes later; nobody else can
        HttpResponse<byte[]> download = download("/api/reports/" + reportId + "/deliveries/" + deliveryId + "/file",
                owner.accessToken());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("X-Content-SHA256")).hasValue(sha256);
        assertThat(download.headers().firstValue("X-Data-Position")).hasValue("4242");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("weekly-kpis_2025-03-10_2025-03-16.pdf");
        AuthService.Tokens stranger = signUp("Stranger Agency");
        assertThat(download("/api/reports/" + reportId + "/deliveries/" + deliveryId + "/file", stranger.accessToken())
                .statusCode()).isEqualTo(404);

        // the rendering token is good for nothing on the command side
        String renderer = tokens.issueRenderToken(owner.agencyId(), UUID.fromString(reportId), Duration.ofMinutes(1));
        assertThat(download("/api/reports/" + reportId + "/deliveries/" + deliveryId + "/file", renderer).statusCode())
                .isEqualTo(403);
        assertThat(send("POST", "/api/reports/" + reportId + "/deliveries", renderer, "{}").statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/auth/logout", renderer, "{\"refreshToken\":\"x.1.y\"}").statusCode()).isEqualTo(403);

        // nothing more is due until next Monday
        assertThat(scheduled.requestDue()).isZero();
        assertThat(deliveries.runOnce()).isZero();
    }

    @Test
    @Order(2)
    void badInputIsRefusedWithFieldErrorsAndWritesNothing() throws Exception {
        AuthService.Tokens owner = signUp("Strict Agency");
        String clientId = createClient(owner, "Strict Client");
        long events = jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Long.class);

        assertFieldErrors(send("POST", "/api/reports", owner.accessToken(), """
                {"clientId":"%s","title":" ","metrics":["sessions","bounces","sessions"],"from":"2025-03-10",
                 "to":"2025-03-01","range":"last_7_days"}""".formatted(clientId)),
                "title", "metrics[1]", "metrics[2]", "range");
        assertFieldErrors(send("POST", "/api/reports", owner.accessToken(), """
                {"clientId":"%s","title":"t","metrics":["sessions"],"from":"2025-03-10","to":"2025-03-01"}"""
                .formatted(clientId)), "from");
        assertFieldErrors(send("POST", "/api/reports", owner.accessToken(), """
                {"title":"t","metrics":[],"range":"yesterday","schedule":{"frequency":"daily","format":"docx",
                 "recipients":["not-an-address"]}}"""),
                "clientId", "metrics", "range", "schedule.frequency", "schedule.format", "schedule.recipients[0]");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add("r" + i + "@client.test");
        }
        assertFieldErrors(send("POST", "/api/reports", owner.accessToken(), """
                {"clientId":"%s","title":"t","metrics":["sessions"],"schedule":{"frequency":"weekly","recipients":%s}}"""
                .formatted(clientId, JSON.writeValueAsString(many))), "schedule.recipients");
        assertThat(send("POST", "/api/reports", owner.accessToken(), """
                {"clientId":"%s","title":"t","metrics":["sessions"],"from":"yesterday"}""".formatted(clientId))
                .statusCode()).isEqualTo(400);

        AuthService.Tokens stranger = signUp("Stranger Agency");
        HttpResponse<String> foreign = send("POST", "/api/reports", stranger.accessToken(), """
                {"clientId":"%s","title":"t","metrics":["sessions"]}""".formatted(clientId));
        assertThat(foreign.statusCode()).isEqualTo(404);
        long afterStranger = jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Long.class);
        assertThat(afterStranger).as("only the stranger's own sign-up (6 events)").isEqualTo(events + 6);

        String reportId = createReport(owner, clientId, "Monthly");
        assertThat(lastPayload(reportId, "ReportCreated")).contains("\"range\":\"last_30_days\"", "\"timeZone\":\"UTC\"");
        long before = count(reportId, null);
        assertFieldErrors(send("PATCH", "/api/reports/" + reportId, owner.accessToken(), "{\"name\":\"x\"}"), "name");
        assertFieldErrors(send("PATCH", "/api/reports/" + reportId, owner.accessToken(),
                "{\"schedule\":{\"frequency\":\"weekly\",\"recipients\":[]}}"), "schedule.recipients");
        assertThat(send("PATCH", "/api/reports/" + reportId, owner.accessToken(), "{\"from\":\"2025-01-01\"}").statusCode())
                .as("to is missing").isEqualTo(400);
        assertThat(send("POST", "/api/reports/" + reportId + "/deliveries", owner.accessToken(), "{}").statusCode())
                .as("no schedule, no recipients").isEqualTo(400);
        assertThat(send("PATCH", "/api/reports/" + reportId, stranger.accessToken(), "{\"title\":\"x\"}").statusCode())
                .isEqualTo(404);
        assertThat(count(reportId, null)).isEqualTo(before);

        HttpResponse<String> patched = send("PATCH", "/api/reports/" + reportId, owner.accessToken(), """
                {"title":"Monthly board pack","range":"last_month","schedule":{"frequency":"monthly","format":"csv",
                 "recipients":["board@client.test"]}}""");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        assertThat(lastPayload(reportId, "ReportChanged")).contains("\"title\":\"Monthly board pack\"",
                "\"range\":\"last_month\"");
        assertThat(lastPayload(reportId, "ReportScheduled")).contains("\"frequency\":\"monthly\"", "\"format\":\"csv\"");
        assertThat(send("PATCH", "/api/reports/" + reportId, owner.accessToken(), "{\"schedule\":null}").statusCode())
                .isEqualTo(200);
        assertThat(count(reportId, "ReportScheduleCancelled")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM command.report_schedule WHERE report_id = ?::uuid",
                Integer.class, reportId)).isZero();

        HttpResponse<String> deleted = send("DELETE", "/api/reports/" + reportId, owner.accessToken(), null);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(count(reportId, "ReportDeleted")).isEqualTo(1);
        assertThat(send("DELETE", "/api/reports/" + reportId, owner.accessToken(), null).statusCode()).isEqualTo(404);

        assertThat(send("POST", "/api/clients/" + clientId + "/archive", owner.accessToken(), "").statusCode())
                .isEqualTo(200);
        assertThat(send("POST", "/api/reports", owner.accessToken(), """
                {"clientId":"%s","title":"t","metrics":["sessions"]}""".formatted(clientId)).statusCode()).isEqualTo(409);
    }

    @Test
    @Order(3)
    void sendNowRetriesAFailedRenderAndGivesUpAfterBoundedSmtpFailures() throws Exception {
        AuthService.Tokens owner = signUp("Retry Agency");
        String clientId = createClient(owner, "Retry Client");
        String reportId = JSON.readTree(send("POST", "/api/reports", owner.accessToken(), """
                {"clientId":"%s","title":"Ad hoc","metrics":["sessions"],"from":"2025-03-01","to":"2025-03-31"}"""
                .formatted(clientId)).body()).get("id").asText();

        QUERY.failNext.set(1);
        HttpResponse<String> accepted = send("POST", "/api/reports/" + reportId + "/deliveries", owner.accessToken(),
                "{\"recipients\":[\"ops@client.test\"],\"format\":\"csv\"}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        JsonNode body = JSON.readTree(accepted.body());
        assertThat(body.get("status").asText()).isEqualTo("requested");
        assertThat(body.get("reportId").asText()).isEqualTo(reportId);
        assertThat(lastPayload(reportId, "ReportDeliveryRequested")).contains("\"trigger\":\"manual\"",
                "\"asOf\":\"" + LocalDate.ofInstant(NOW.get(), ZoneOffset.UTC) + "\"");

        assertThat(deliveries.runOnce()).isEqualTo(1);
        assertThat(lastPayload(reportId, "ReportDeliveryFailed")).contains("\"reason\":\"render\"", "\"attempt\":1",
                "answered 503");
        assertThat(deliveries.runOnce()).as("not before the back-off").isZero();
        NOW.set(NOW.get().plus(2, ChronoUnit.MINUTES));
        int mailsBefore = MAIL.getReceivedMessages().length;
        assertThat(deliveries.runOnce()).isEqualTo(1);
        assertThat(lastPayload(reportId, "ReportDelivered")).contains("\"attempt\":2", "\"format\":\"csv\"");
        assertThat(MAIL.getReceivedMessages()).hasSize(mailsBefore + 1);

        MAIL.stop(); // the SMTP server is gone: four attempts, then the delivery gives up
        send("POST", "/api/reports/" + reportId + "/deliveries", owner.accessToken(), "{\"recipients\":[\"ops@client.test\"]}");
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(deliveries.runOnce()).as("attempt %d", attempt).isEqualTo(1);
            NOW.set(NOW.get().plus(2L << (2 * (attempt - 1)), ChronoUnit.MINUTES));
        }
        assertThat(deliveries.runOnce()).isZero();
        List<String> failures = jdbc.queryForList("""
                SELECT convert_from(payload, 'UTF8') FROM event_store.domain_event_entry WHERE aggregate_identifier = ?
                AND payload_type = 'com.webprometrics.events.reports.ReportDeliveryFailed' ORDER BY global_index""",
                String.class, reportId);
        assertThat(failures).hasSize(5);
        assertThat(failures.subList(1, 5)).allSatisfy(f -> assertThat(f).contains("\"reason\":\"smtp\""));
        assertThat(failures.get(4)).contains("\"attempt\":4", "\"nextAttemptAt\":null");
        assertThat(failures.get(3)).contains("\"attempt\":3").doesNotContain("\"nextAttemptAt\":null");
    }

    @Test
    @Order(4)
    void sendNowIsBoundedPerAgencyAndHour() throws Exception {
        AuthService.Tokens owner = signUp("Chatty Agency");
        String clientId = createClient(owner, "Chatty Client");
        String reportId = createReport(owner, clientId, "Again");
        String to = "{\"recipients\":[\"someone@client.test\"]}";
        for (int i = 0; i < 3; i++) {
            assertThat(send("POST", "/api/reports/" + reportId + "/deliveries", owner.accessToken(), to).statusCode())
                    .isEqualTo(202);
        }
        HttpResponse<String> refused = send("POST", "/api/reports/" + reportId + "/deliveries", owner.accessToken(), to);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(refused.body()).get("detail").asText())
                .contains("sent 3 reports by hand in the last hour", "scheduled deliveries are not affected");
        assertThat(count(reportId, "ReportDeliveryRequested")).isEqualTo(3);
        AuthService.Tokens other = signUp("Quiet Agency");
        String otherReport = createReport(other, createClient(other, "Quiet Client"), "Once");
        assertThat(send("POST", "/api/reports/" + otherReport + "/deliveries", other.accessToken(), to).statusCode())
                .as("another agency's budget").isEqualTo(202);

        NOW.set(NOW.get().plus(61, ChronoUnit.MINUTES));
        assertThat(send("POST", "/api/reports/" + reportId + "/deliveries", owner.accessToken(), to).statusCode())
                .as("a new hour").isEqualTo(202);
        assertThat(count(reportId, "ReportDeliveryRequested")).isEqualTo(4);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static List<Integer> bothAtOnce(java.util.concurrent.Callable<Integer> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = pool.submit(work);
            Future<Integer> b = pool.submit(work);
            return List.of(a.get(), b.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Part attachment(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return part;
            }
        }
        throw new AssertionError("no attachment");
    }

    private static void assertFieldErrors(HttpResponse<String> response, String... fields) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asText()).endsWith("/validation");
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactly(fields);
    }

    private AuthService.Tokens signUp(String agency) {
        return auth.signUp(agency, "Olga", "rep-" + UUID.randomUUID() + "@agency.test", PASSWORD, java.time.ZoneId.of("UTC"));
    }

    private String createClient(AuthService.Tokens owner, String name) throws Exception {
        HttpResponse<String> created = send("POST", "/api/clients", owner.accessToken(), "{\"name\":\"" + name + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asText();
    }

    /** A report of sessions over the default rolling range; its id. */
    private String createReport(AuthService.Tokens owner, String clientId, String title) throws Exception {
        HttpResponse<String> created = send("POST", "/api/reports", owner.accessToken(), """
                {"clientId":"%s","title":"%s","metrics":["sessions"]}""".formatted(clientId, title));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asText();
    }

    private long count(String reportId, String event) {
        return jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type LIKE ?", Long.class, reportId,
                event == null ? "%" : "com.webprometrics.events.reports." + event);
    }

    /** The event's stored payload with its personal data (recipients) opened, as every reader gets it. */
    private String lastPayload(String reportId, String event) throws Exception {
        com.fasterxml.jackson.databind.JsonNode payload = JSON.readTree(jdbc.queryForObject(
                "SELECT convert_from(payload, 'UTF8') FROM event_store.domain_event_entry "
                + "WHERE aggregate_identifier = ? AND payload_type = ? ORDER BY global_index DESC LIMIT 1", String.class,
                reportId, "com.webprometrics.events.reports." + event));
        personalData.reveal(payload);
        return JSON.writeValueAsString(payload);
    }

    private Instant eventTime(String aggregateId, String event) {
        return Instant.parse(jdbc.queryForObject("SELECT time_stamp FROM event_store.domain_event_entry "
                + "WHERE aggregate_identifier = ? AND payload_type = ? ORDER BY global_index DESC LIMIT 1", String.class,
                aggregateId, "com.webprometrics.events.reports." + event));
    }

    private long headOf(String aggregateId) {
        return jdbc.queryForObject("SELECT max(global_index) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregateId);
    }

    private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> download(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Plays the query side's export: a fixed file with the headers the real one sends; can fail on demand. */
    static final class QueryStandIn {
        record Request(String path, String query, String token, long minPosition) {
        }

        final List<Request> requests = new CopyOnWriteArrayList<>();
        final AtomicInteger failNext = new AtomicInteger();
        final HttpServer server;

        QueryStandIn() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/api/reports/", exchange -> {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                requests.add(new Request(exchange.getRequestURI().getPath(), exchange.getRequestURI().getQuery(),
                        authorization.substring("Bearer ".length()),
                        Long.parseLong(exchange.getRequestHeaders().getFirst("X-Min-Position"))));
                if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    exchange.sendResponseHeaders(503, -1);
                    exchange.close();
                    return;
                }
                boolean csv = exchange.getRequestURI().getQuery().contains("format=csv");
                byte[] body = csv ? "report,Ad hoc\r\n".getBytes() : PDF;
                exchange.getResponseHeaders().add("Content-Type", csv ? "text/csv;charset=UTF-8" : "application/pdf");
                exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"weekly-kpis_2025-03-10_2025-03-16."
                        + (csv ? "csv" : "pdf") + "\"");
                exchange.getResponseHeaders().add("X-Report-From", "2025-03-10");
                exchange.getResponseHeaders().add("X-Report-To", "2025-03-16");
                exchange.getResponseHeaders().add("X-Data-Position", "4242");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }
    }

    /** A suspended agency's scheduled reports wait until it pays: the schedule's claim leaves them out. */
    @Test
    @Order(5)
    void aSuspendedAgencysScheduledReportIsNotClaimed() {
        UUID report = UUID.randomUUID();
        UUID agency = UUID.randomUUID();
        Instant due = NOW.get().minusSeconds(60);
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.update("INSERT INTO command.report_schedule (report_id, agency_id, frequency, time_zone, next_run_at) "
                    + "VALUES (?, ?, 'weekly', 'UTC', ?)", report, agency, java.sql.Timestamp.from(due));
            jdbc.update("INSERT INTO command.billing_standing (agency_id, subscription_id, status) VALUES (?, ?, "
                    + "'suspended')", agency, UUID.randomUUID());
            assertThat(schedules.claimNextDue(NOW.get())).map(ReportSchedules.Due::reportId).isNotEqualTo(
                    java.util.Optional.of(report));
            jdbc.update("UPDATE command.billing_standing SET status = 'ok' WHERE agency_id = ?", agency);
            jdbc.update("UPDATE command.report_schedule SET next_run_at = ? WHERE report_id = ?",
                    java.sql.Timestamp.from(due.minusSeconds(3600 * 24 * 3650L)), report);
            assertThat(schedules.claimNextDue(NOW.get())).map(ReportSchedules.Due::reportId).contains(report);
            tx.setRollbackOnly();
        });
    }
}
