package com.webprometrics.command;

import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpServer;
import com.webprometrics.auditlog.CheckpointKey;
import com.webprometrics.auditlog.CompactRange;
import com.webprometrics.auditlog.EventLeaf;
import com.webprometrics.auditlog.SinkLine;
import com.webprometrics.command.auth.AuthService;
import com.webprometrics.command.support.LocalSmtp;
import com.webprometrics.command.support.PostgresDatabase;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sealer beside concurrent writers: every committed event gets exactly one place in its agency's tree, the
 * agency's tree rebuilt from the stored bytes has the root the sealer kept, checkpoints are signed with the published
 * key, and the sink holds an append-only chain of them (each consistent with the one before).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wpm.billing.plans.starter.client-limit=3", "wpm.billing.plans.starter.seat-limit=3",
                "wpm.integrations.schedule-check=1h", "wpm.audit.sink-email=" + AuditSealingIntegrationTest.AUDITOR,
                "wpm.audit.sink-email-interval=1s"})
class AuditSealingIntegrationTest {
    static final String AUDITOR = "audit-anchor@agency.test";
    private static final String PASSWORD = "a long enough passphrase";
    private static final GreenMail MAIL = LocalSmtp.start();
    private static final SinkEndpoint SINK = new SinkEndpoint();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        // a database (and so a sink file) of its own: no other test's events reach this context's sinks
        PostgresDatabase.register(registry, "wpm_audit_test");
        LocalSmtp.register(registry, MAIL);
        registry.add("wpm.audit.sink-url", () -> "http://127.0.0.1:" + SINK.server.getAddress().getPort() + "/anchor");
    }

    @AfterAll
    static void stopServers() {
        MAIL.stop();
        SINK.server.stop(0);
    }

    /** The HTTP sink: keeps the lines it accepts; while {@code refusing}, answers 503 and keeps nothing. */
    static final class SinkEndpoint {
        final HttpServer server;
        final List<SinkLine> accepted = new CopyOnWriteArrayList<>();
        volatile boolean refusing;

        SinkEndpoint() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/anchor", exchange -> {
                String line = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (!refusing) {
                    accepted.add(SinkLine.parse(line));
                }
                exchange.sendResponseHeaders(refusing ? 503 : 204, -1);
                exchange.close();
            });
            server.start();
        }
    }

    @Autowired
    AuthService auth;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Value("${wpm.audit.sink-file}")
    String sinkFile;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void concurrentWritersAreSealedOnceEachInContiguousAgencyTreesUnderSignedChainedCheckpoints() throws Exception {
        List<AuthService.Tokens> agencies = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            agencies.add(auth.signUp("Sealed " + i, "Owner " + i, "sealed-" + UUID.randomUUID() + "@agency.test",
                    PASSWORD, ZoneId.of("UTC")));
        }
        ExecutorService writers = Executors.newFixedThreadPool(6);
        List<Future<Integer>> done = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            AuthService.Tokens owner = agencies.get(w % agencies.size());
            done.add(writers.submit(() -> {
                String client = create(owner.accessToken());
                int ok = 0;
                for (int n = 0; n < 40; n++) {
                    ok += call("PATCH", "/api/clients/" + client, owner.accessToken(), "{\"notes\":\"n" + n + "\"}") == 200 ? 1 : 0;
                }
                return ok;
            }));
        }
        for (Future<Integer> f : done) {
            assertThat(f.get()).isEqualTo(40);
        }
        writers.shutdown();

        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (unsealed() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(unsealed()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM (SELECT agency_id FROM event_store.audit_leaf "
                + "GROUP BY agency_id HAVING max(agency_seq) <> count(*) OR min(agency_seq) <> 1) broken", Long.class)).isZero();

        for (AuthService.Tokens owner : agencies) {
            String agency = owner.agencyId().toString();
            CompactRange rebuilt = new CompactRange();
            jdbc.query("""
                    SELECT l.agency_seq, e.global_index, e.event_identifier, e.type, e.aggregate_identifier,
                           e.sequence_number, e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data
                    FROM event_store.audit_leaf l JOIN event_store.domain_event_entry e ON e.global_index = l.global_index
                    WHERE l.agency_id = ? ORDER BY l.agency_seq""", rs -> {
                rebuilt.append(new EventLeaf(rs.getLong(1), rs.getLong(2), agency, rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), rs.getString(7), rs.getString(8) == null ? "" : rs.getString(8),
                        rs.getString(9), rs.getBytes(10), rs.getBytes(11)).leafHash());
            }, agency);
            Map<String, Object> kept = jdbc.queryForMap("SELECT size, frontier FROM event_store.audit_agency WHERE agency_id = ?", agency);
            assertThat(rebuilt.size()).isEqualTo(((Number) kept.get("size")).longValue()).isGreaterThan(80);
            assertThat(rebuilt.root()).isEqualTo(CompactRange.fromBytes(rebuilt.size(), (byte[]) kept.get("frontier")).root());
        }

        // checkpoints: signed with the published key, and the sink's lines chain
        CheckpointKey published = CheckpointKey.fromJwk(get("/api/audit/checkpoint-key"));
        Path sink = Path.of(sinkFile);
        deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long logged;
        do {
            Thread.sleep(200);
            logged = jdbc.queryForObject("SELECT count(*) FROM event_store.audit_agency WHERE size > logged_size", Long.class);
        } while (logged > 0 && System.nanoTime() < deadline);
        assertThat(logged).isZero();
        deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (jdbc.queryForObject("SELECT count(*) FROM event_store.audit_checkpoint WHERE NOT published", Long.class) > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<SinkLine> lines = Files.readAllLines(sink).stream().filter(l -> !l.isBlank()).map(SinkLine::parse).toList();
        assertThat(lines).isNotEmpty();
        for (int i = 0; i < lines.size(); i++) {
            SinkLine line = lines.get(i);
            assertThat(line.checkpoint().verify(published)).as("signature of line " + i).isTrue();
            assertThat(line.checkpoint().keyId()).isEqualTo(published.keyId());
            if (i > 0) {
                assertThat(line.consistency()).as("line " + i + " proves its predecessor").isNotNull();
                assertThat(line.consistency().fromSize()).isEqualTo(lines.get(i - 1).checkpoint().size());
                assertThat(line.consistency().verifies(line.checkpoint())).isTrue();
            }
        }
    }

    @Test
    void afterARestoreIntoAnotherClusterTheSealerStartsOverWithoutSealingAnythingTwice() throws Exception {
        AuthService.Tokens owner = auth.signUp("Restored", "Rhea", "restored-" + UUID.randomUUID() + "@agency.test",
                PASSWORD, ZoneId.of("UTC"));
        awaitAllSealed();
        long sealedBefore = jdbc.queryForObject("SELECT count(*) FROM event_store.audit_leaf", Long.class);
        // as after pg_dump/restore into a cluster whose transaction ids start lower: the cursor is far ahead, and an
        // event of the old cluster that was not sealed yet carries a high id
        String client = create(owner.accessToken());
        awaitAllSealed();
        jdbc.update("""
                INSERT INTO event_store.domain_event_entry (event_identifier, meta_data, payload, payload_type,
                    time_stamp, aggregate_identifier, sequence_number, type, tx_id)
                SELECT gen_random_uuid()::text, meta_data, payload, 'com.webprometrics.events.clients.ClientDetailsUpdated',
                       time_stamp, aggregate_identifier, 1, type, '9000000000'
                FROM event_store.domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0""", client);
        jdbc.update("UPDATE event_store.audit_sealer SET sealed_tx = '8999999999'");
        create(owner.accessToken()); // and a new event, of the new cluster's (lower) transaction ids

        awaitAllSealed();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_store.audit_leaf", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Long.class))
                .isGreaterThan(sealedBefore);
    }

    @Test
    void aWriteTransactionLeftOpenHoldsSealingBackAndTheLagGaugeShowsHowLong() throws Exception {
        AuthService.Tokens owner = auth.signUp("Held", "Hal", "held-" + UUID.randomUUID() + "@agency.test",
                PASSWORD, ZoneId.of("UTC"));
        awaitAllSealed();
        assertThat(metric("wpm_audit_sealing_lag_seconds")).isLessThan(1.0);
        try (Connection held = dataSource.getConnection()) {
            held.setAutoCommit(false);
            held.createStatement().execute("SELECT pg_current_xact_id()"); // as a psql BEGIN left open after a write
            create(owner.accessToken());
            Thread.sleep(1_500);
            assertThat(unsealed()).as("nothing committed after the open transaction began is sealed").isPositive();
            assertThat(metric("wpm_audit_sealing_lag_seconds")).isGreaterThanOrEqualTo(1.5);
            held.rollback();
        }
        awaitAllSealed();
        assertThat(metric("wpm_audit_sealing_lag_seconds")).isLessThan(1.0);
    }

    @Test
    void checkpointsTheSinkRefusesWaitAndAreCountedThenGoOutInOrderWhenItTakesThemAgain() throws Exception {
        AuthService.Tokens owner = auth.signUp("Sunk", "Sue", "sunk-" + UUID.randomUUID() + "@agency.test",
                PASSWORD, ZoneId.of("UTC"));
        awaitAllSealed();
        assertThat(awaitMetric("wpm_audit_checkpoints_unpublished", v -> v == 0)).isZero();
        SINK.refusing = true; // the anchor's host down
        long firstHeldBack;
        try {
            create(owner.accessToken());
            assertThat(awaitMetric("wpm_audit_checkpoints_unpublished", v -> v >= 1)).isGreaterThanOrEqualTo(1.0);
            firstHeldBack = jdbc.queryForObject(
                    "SELECT min(size) FROM event_store.audit_checkpoint WHERE NOT published", Long.class);
        } finally {
            SINK.refusing = false;
        }
        assertThat(awaitMetric("wpm_audit_checkpoints_unpublished", v -> v == 0)).isZero();
        assertThat(SINK.accepted).extracting(line -> line.checkpoint().size()).contains(firstHeldBack).isSorted();
        SinkLine held = SINK.accepted.stream().filter(line -> line.checkpoint().size() == firstHeldBack)
                .findFirst().orElseThrow();
        assertThat(held.consistency().verifies(held.checkpoint())).as("it proves the line before it").isTrue();
    }

    @Test
    void checkpointsAreEMailedAsAttachedLinesThatChainLikeTheSinkFile() throws Exception {
        AuthService.Tokens owner = auth.signUp("Mailed", "Mo", "mailed-" + UUID.randomUUID() + "@agency.test",
                PASSWORD, ZoneId.of("UTC"));
        create(owner.accessToken());
        awaitAllSealed();
        assertThat(awaitMetric("wpm_audit_checkpoints_unpublished", v -> v == 0)).isZero();
        long newest = jdbc.queryForObject("SELECT max(size) FROM event_store.audit_checkpoint", Long.class);

        List<SinkLine> mailed = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        do {
            Thread.sleep(200);
            mailed.clear();
            for (MimeMessage message : MAIL.getReceivedMessages()) {
                assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly(AUDITOR);
                assertThat(message.getSubject()).startsWith("WebProMetrics audit log: signed checkpoints");
                Part attachment = attachment(message);
                assertThat(attachment.getFileName()).matches("audit-checkpoints-\\d+-\\d+\\.ndjson");
                new String(attachment.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.isBlank()).map(SinkLine::parse).forEach(mailed::add);
            }
        } while (mailed.stream().noneMatch(l -> l.checkpoint().size() >= newest) && System.nanoTime() < deadline);

        assertThat(mailed).extracting(l -> l.checkpoint().size()).contains(newest).isSorted();
        CheckpointKey published = CheckpointKey.fromJwk(get("/api/audit/checkpoint-key"));
        for (int i = 0; i < mailed.size(); i++) {
            SinkLine line = mailed.get(i);
            assertThat(line.checkpoint().verify(published)).as("signature of mailed line " + i).isTrue();
            if (i > 0 && line.checkpoint().size() != mailed.get(i - 1).checkpoint().size()) {
                assertThat(line.consistency().fromSize()).as("mailed line " + i + " follows the one before")
                        .isEqualTo(mailed.get(i - 1).checkpoint().size());
                assertThat(line.consistency().verifies(line.checkpoint())).isTrue();
            }
        }
    }

    private static Part attachment(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                return parts.getBodyPart(i);
            }
        }
        throw new AssertionError("no attachment in \"" + message.getSubject() + "\"");
    }

    /** Scrapes a gauge until it satisfies {@code done} (at most 20 s), and answers its last value. */
    private double awaitMetric(String name, java.util.function.DoublePredicate done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        double value = metric(name);
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            value = metric(name);
        }
        return value;
    }

    /** A gauge's value as Prometheus scrapes it from the command side. */
    private double metric(String name) throws Exception {
        return get("/actuator/prometheus").lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not exported"));
    }

    private void awaitAllSealed() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (unsealed() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(unsealed()).isZero();
    }

    private long unsealed() {
        return jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry e WHERE NOT EXISTS "
                + "(SELECT 1 FROM event_store.audit_leaf l WHERE l.global_index = e.global_index)", Long.class);
    }

    private String create(String token) throws Exception {
        HttpResponse<String> r = send("POST", "/api/clients", token, "{\"name\":\"Sealed client " + UUID.randomUUID() + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).get("id").asText();
    }

    private String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private int call(String method, String path, String token, String json) throws Exception {
        return send(method, path, token, json).statusCode();
    }

    private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
