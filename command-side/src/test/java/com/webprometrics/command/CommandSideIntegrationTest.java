package com.webprometrics.command;

import com.webprometrics.command.auth.AuthService;
import com.webprometrics.command.auth.AuthRejection;
import com.webprometrics.platform.domain.DomainException;
import com.webprometrics.command.support.PostgresDatabase;
import com.webprometrics.events.auth.AgencyRegistered;
import com.webprometrics.events.auth.UserRegistered;
import com.webprometrics.events.team.UserDeactivated;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import com.webprometrics.platform.axon.eventstore.PostgresEventStorageEngine;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wpm.billing.plans.starter.client-limit=3", "wpm.billing.plans.starter.seat-limit=3",
                "wpm.integrations.schedule-check=1h"})
class CommandSideIntegrationTest {
    private static final String PASSWORD = "a long enough passphrase";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry);
    }

    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    com.webprometrics.platform.privacy.PersonalDataReader personalData;
    @Autowired
    TransactionManager axonTransactions;
    @Autowired
    AuthService auth;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    com.webprometrics.command.billing.LegacyTrials legacyTrials;
    @Autowired
    org.axonframework.eventsourcing.eventstore.EventStore eventStore;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

    /** Production (no WPM_BILLING_TEST_CLOCKS): the test-clock endpoint is not mapped at all. */
    @Test
    void withoutTestClocksTheClockEndpointDoesNotExist() {
        assertThat(mappings.getHandlerMethods().keySet()).isNotEmpty()
                .noneMatch(info -> info.getPatternValues().stream().anyMatch(p -> p.startsWith("/api/ops/billing")));
    }

    @Test
    void eventsGoToPostgresInSpringManagedTransactions() {
        assertThat(storageEngine).isInstanceOf(PostgresEventStorageEngine.class);
        assertThat(axonTransactions).extracting("delegate").isInstanceOf(SpringTransactionManager.class);
    }

    /**
     * A processor's read of the next events must stay a plain index scan however large the store grows: a parallel
     * plan starts a worker process for every read (docs/benchmarks.md). The planner is told parallelism is free and
     * left only a table scan, so the same read on the table without its setting goes parallel however few events a
     * fresh store holds; both run in transactions that roll back.
     */
    @Test
    void readingTheNextEventsNeverStartsParallelWorkers() {
        assertThat(planOfTheNextEventsRead(false)).as("the check provokes a parallel plan").contains("Gather");
        assertThat(planOfTheNextEventsRead(true)).doesNotContain("Gather");
    }

    private String planOfTheNextEventsRead(boolean asMigrated) {
        return new TransactionTemplate(transactions).execute(tx -> {
            jdbc.execute("SET LOCAL parallel_setup_cost = 0");
            jdbc.execute("SET LOCAL parallel_tuple_cost = 0");
            jdbc.execute("SET LOCAL min_parallel_table_scan_size = 0");
            jdbc.execute("SET LOCAL min_parallel_index_scan_size = 0");
            jdbc.execute("SET LOCAL max_parallel_workers_per_gather = 2");
            jdbc.execute("SET LOCAL enable_indexscan = off");
            jdbc.execute("SET LOCAL enable_bitmapscan = off");
            if (!asMigrated) {
                jdbc.execute("ALTER TABLE event_store.domain_event_entry RESET (parallel_workers)");
            }
            String plan = String.join("\n", jdbc.queryForList("EXPLAIN SELECT global_index, payload, meta_data "
                    + "FROM event_store.domain_event_entry WHERE (global_index > 10 AND global_index <= 1010) "
                    + "OR global_index IN (3, 7) ORDER BY global_index", String.class));
            tx.setRollbackOnly();
            return plan;
        });
    }

    /**
     * The signing key's private half is stored sealed with the master key; a rotation (./wpm ops rotate-signing-key)
     * signs new tokens with a new key while tokens of the old one keep working, both keys in the JWKS.
     */
    @Test
    void theSigningKeyIsStoredSealedAndARotationKeepsEarlierTokensValid() throws Exception {
        byte[] stored = jdbc.queryForObject("SELECT private_key FROM command.signing_keys ORDER BY created_at LIMIT 1",
                byte[].class);
        assertThat(jdbc.queryForObject("SELECT bool_and(sealed) FROM command.signing_keys", Boolean.class)).isTrue();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> java.security.KeyFactory.getInstance("RSA")
                .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(stored)))).as("no readable key").isNotNull();

        String email = "rotate-" + UUID.randomUUID() + "@agency.test";
        String before = tokenOf(post("/api/auth/signup", null, """
                {"agencyName":"Rotating Keys","name":"Rae","email":"%s","password":"%s"}""".formatted(email, PASSWORD), Map.of()));
        String operatorToken = java.nio.file.Files.readString(java.nio.file.Path.of("target/wpm-test-data/operator-token")).trim();
        assertThat(post("/internal/operators/signing-key/rotate", null, "", Map.of()).statusCode()).isEqualTo(403);
        HttpResponse<String> rotated = post("/internal/operators/signing-key/rotate", null, "",
                Map.of("X-Operator-Token", operatorToken));
        assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
        String after = tokenOf(post("/api/auth/login", null, """
                {"email":"%s","password":"%s"}""".formatted(email, PASSWORD), Map.of()));

        assertThat(kid(after)).isNotEqualTo(kid(before)).isEqualTo(JSON.readTree(rotated.body()).get("kid").asText());
        String jwks = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/jwks")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(jwks).contains(kid(before), kid(after)).doesNotContain("\"d\"");
        for (String token : List.of(before, after)) {
            assertThat(post("/api/clients", token, "{\"name\":\"Signed by " + kid(token) + "\"}", Map.of()).statusCode())
                    .isEqualTo(201);
        }
    }

    private static String tokenOf(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return JSON.readTree(response.body()).get("accessToken").asText();
    }

    private static String kid(String jwt) throws Exception {
        return JSON.readTree(java.util.Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.')))).get("kid").asText();
    }

    @Test
    void signUpStoresReadableEventsWithRequestMetadataAndNoSecret() throws Exception {
        String email = "owner-" + UUID.randomUUID() + "@agency.test";
        HttpResponse<String> response = post("/api/auth/signup", null, """
                {"agencyName":"Readable Agency","name":"Olga","email":"%s","password":"%s"}""".formatted(email, PASSWORD),
                Map.of("X-Correlation-Id", "corr-signup-1", "User-Agent", "integration-test/1.0"));
        assertThat(response.statusCode()).isEqualTo(201);

        List<Map<String, Object>> events = jdbc.queryForList("""
                SELECT payload_type, convert_from(payload, 'UTF8') AS payload, convert_from(meta_data, 'UTF8') AS meta
                FROM event_store.domain_event_entry WHERE convert_from(meta_data, 'UTF8') LIKE '%corr-signup-1%'
                ORDER BY global_index""");
        assertThat(events).extracting(e -> e.get("payload_type")).containsExactly(
                "com.webprometrics.events.auth.AgencyRegistered", "com.webprometrics.events.billing.TrialStarted",
                "com.webprometrics.events.billing.BillingStepScheduled", "com.webprometrics.events.auth.UserRegistered",
                "com.webprometrics.events.auth.UserCredentialsChanged", "com.webprometrics.events.auth.SessionStarted");
        assertThat((String) events.get(0).get("payload")).contains("\"name\":\"Readable Agency\"");
        assertThat((String) events.get(1).get("payload")).contains("\"plan\":\"starter\"", "\"clientLimit\":3",
                "\"seatLimit\":3", "\"monthlyPriceCents\":2900", "\"currency\":\"EUR\"");
        java.time.Instant started = java.time.Instant.parse(JSON.readTree((String) events.get(1).get("payload")).get("startedAt").asText());
        java.time.Instant trialEnds = java.time.Instant.parse(JSON.readTree((String) events.get(1).get("payload")).get("trialEndsAt").asText());
        assertThat(java.time.Duration.between(started, trialEnds)).isEqualTo(java.time.Duration.ofDays(14));
        String hash = jdbc.queryForObject("SELECT password_hash FROM command.credentials WHERE email = ?", String.class, email);
        for (Map<String, Object> event : events) {
            String meta = (String) event.get("meta");
            // the client's address and user agent are personal data: stored sealed under the acting user's key
            assertThat(meta).contains("\"correlationId\":\"corr-signup-1\"", "\"userAgent\":\"wpm:pd:v1:user:",
                    "\"clientIp\":\"wpm:pd:v1:user:", "\"causationId\"", "\"userId\"", "\"agencyId\"")
                    .doesNotContain("integration-test/1.0", "127.0.0.1");
            com.fasterxml.jackson.databind.JsonNode opened = JSON.readTree(meta);
            personalData.reveal(opened);
            assertThat(opened.get("userAgent").asText()).isEqualTo("integration-test/1.0");
            assertThat(opened.get("clientIp").asText()).isEqualTo("127.0.0.1");
            assertThat((String) event.get("payload")).doesNotContain(PASSWORD, hash);
            assertThat(meta).doesNotContain(PASSWORD, hash);
        }
    }

    @Test
    void aStaleTokenSentAlongDoesNotBlockSigningIn() throws Exception {
        String email = "stale-" + UUID.randomUUID() + "@agency.test";
        auth.signUp("Stale Agency", "Sam", email, PASSWORD, java.time.ZoneId.of("UTC"));
        HttpResponse<String> login = post("/api/auth/login", "expired.or.garbage",
                "{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, PASSWORD), Map.of());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        HttpResponse<String> clients = post("/api/clients", "expired.or.garbage", "{\"name\":\"x\"}", Map.of());
        assertThat(clients.statusCode()).isEqualTo(401);
        assertThat(clients.body()).contains("\"correlationId\"");
    }

    @Test
    void concurrentSignUpsWithOneEmailCreateExactlyOneAccount() throws Exception {
        String email = "race-" + UUID.randomUUID() + "@agency.test";
        List<Callable<String>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String agency = "Racer " + i;
            String spelling = i % 2 == 0 ? email : email.toUpperCase();
            attempts.add(() -> {
                try {
                    auth.signUp(agency, "Racer", spelling, PASSWORD, java.time.ZoneId.of("UTC"));
                    return "created";
                } catch (DomainException e) {
                    assertThat(e.code()).isEqualTo(AuthRejection.EMAIL_TAKEN.code());
                    return "conflict";
                }
            });
        }
        List<String> outcomes = runConcurrently(attempts);
        assertThat(outcomes).containsOnlyOnce("created").filteredOn("conflict"::equals).hasSize(7);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM command.credentials WHERE lower(email) = lower(?)",
                Integer.class, email)).isEqualTo(1);
        // one UserRegistered for the address (its e-mail is sealed in the event; the account table is fed from it)
        assertThat(jdbc.queryForObject("SELECT count(*) FROM command.user_accounts WHERE lower(email) = lower(?)",
                Integer.class, email)).isEqualTo(1);
    }

    @Test
    void concurrentCreatesNeverExceedThePlansClientLimit() throws Exception {
        AuthService.Tokens owner = auth.signUp("Limited Agency", "Lim", "limit-" + UUID.randomUUID() + "@agency.test", PASSWORD, java.time.ZoneId.of("UTC"));
        List<Callable<String>> creates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = "Client " + i;
            creates.add(() -> String.valueOf(post("/api/clients", owner.accessToken(),
                    "{\"name\":\"%s\"}".formatted(name), Map.of()).statusCode()));
        }
        List<String> statuses = runConcurrently(creates);
        assertThat(statuses).filteredOn("201"::equals).hasSize(3);
        assertThat(statuses).filteredOn("402"::equals).hasSize(5);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM event_store.domain_event_entry WHERE payload_type LIKE '%ClientCreated'
                AND convert_from(payload, 'UTF8') LIKE ?""", Integer.class, "%" + owner.agencyId() + "%")).isEqualTo(3);
    }

    /** Invitations are issued while seats are free; racing acceptances take the last ones and the rest are refused. */
    @Test
    void concurrentAcceptancesNeverExceedThePlansSeatLimit() throws Exception {
        AuthService.Tokens owner = auth.signUp("Seated Agency", "Sea", "seats-" + UUID.randomUUID() + "@agency.test", PASSWORD, java.time.ZoneId.of("UTC"));
        List<String> inviteTokens = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> invited = post("/api/team/invitations", owner.accessToken(),
                    "{\"email\":\"member-%d-%s@agency.test\",\"role\":\"ANALYST\"}".formatted(i, UUID.randomUUID()), Map.of());
            assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
            inviteTokens.add(JSON.readTree(invited.body()).get("inviteToken").asText());
        }
        List<Callable<String>> acceptances = new ArrayList<>();
        for (String token : inviteTokens) {
            acceptances.add(() -> String.valueOf(post("/api/auth/accept-invitation", null,
                    "{\"inviteToken\":\"%s\",\"name\":\"Member\",\"password\":\"%s\"}".formatted(token, PASSWORD),
                    Map.of()).statusCode()));
        }
        List<String> statuses = runConcurrently(acceptances);

        assertThat(statuses).filteredOn("201"::equals).hasSize(2); // the owner holds the first of three seats
        assertThat(statuses).filteredOn("402"::equals).hasSize(3);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM event_store.domain_event_entry WHERE payload_type LIKE '%UserRegistered'
                AND convert_from(payload, 'UTF8') LIKE ?""", Integer.class, "%" + owner.agencyId() + "%")).isEqualTo(3);
        HttpResponse<String> oneMore = post("/api/team/invitations", owner.accessToken(),
                "{\"email\":\"late-%s@agency.test\",\"role\":\"VIEWER\"}".formatted(UUID.randomUUID()), Map.of());
        assertThat(oneMore.statusCode()).isEqualTo(402);
        assertThat(oneMore.body()).contains("seat-limit-reached");
    }

    /** Moving to a plan the agency has outgrown is refused by the quota that would not fit, and writes nothing. */
    @Test
    void aPlanTooSmallForTheAgencysClientsIsRefused() throws Exception {
        AuthService.Tokens owner = auth.signUp("Growing Agency", "Gro", "grow-" + UUID.randomUUID() + "@agency.test", PASSWORD, java.time.ZoneId.of("UTC"));
        HttpResponse<String> upgraded = post("/api/subscriptions/change-plan", owner.accessToken(), "{\"plan\":\"growth\"}", Map.of());
        assertThat(upgraded.statusCode()).as(upgraded.body()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(post("/api/clients", owner.accessToken(), "{\"name\":\"Client %d\"}".formatted(i), Map.of()).statusCode())
                    .isEqualTo(201);
        }
        long before = jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Long.class);

        HttpResponse<String> downgraded = post("/api/subscriptions/change-plan", owner.accessToken(), "{\"plan\":\"starter\"}", Map.of());
        assertThat(downgraded.statusCode()).as(downgraded.body()).isEqualTo(409);
        assertThat(downgraded.body()).contains("client-too-many-for-plan");
        assertThat(post("/api/subscriptions/change-plan", owner.accessToken(), "{\"plan\":\"gold\"}", Map.of()).statusCode())
                .isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Long.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT client_limit FROM command.client_quota WHERE agency_id = ?", Integer.class,
                owner.agencyId())).isEqualTo(40);
    }

    /** An agency from before subscriptions (its events, no trial) gets its trial once, with its active members seated. */
    @Test
    void anAgencyFromBeforeSubscriptionsGetsItsTrialOnceWithItsMembersSeated() {
        UUID agency = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        UUID left = UUID.randomUUID();
        List<org.axonframework.eventhandling.EventMessage<?>> history = new ArrayList<>(List.of(
                new GenericDomainEventMessage<>("Agency", agency.toString(), 0, new AgencyRegistered(agency,
                        "Old Agency", owner, "starter", 3, "UTC"))));
        for (UUID user : List.of(owner, UUID.randomUUID(), left)) {
            history.add(new GenericDomainEventMessage<>("UserAccount", user.toString(), 0, new UserRegistered(user, agency,
                    "legacy-" + user + "@agency.test", "Legacy", user.equals(owner) ? "OWNER" : "ANALYST", null)));
        }
        history.add(new GenericDomainEventMessage<>("UserAccount", left.toString(), 1, new UserDeactivated(left, agency)));
        eventStore.publish(history);

        legacyTrials.startMissingTrials();
        legacyTrials.startMissingTrials();

        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM event_store.domain_event_entry WHERE payload_type LIKE '%TrialStarted'
                AND convert_from(payload, 'UTF8') LIKE ?""", Integer.class, "%" + agency + "%")).isEqualTo(1);
        assertThat(jdbc.queryForMap("SELECT seat_limit, active_seats FROM command.seat_quota WHERE agency_id = ?", agency))
                .containsEntry("seat_limit", 3).containsEntry("active_seats", 2);
    }

    @Test
    void invalidClientRequestsWriteNothing() throws Exception {
        AuthService.Tokens owner = auth.signUp("Strict Agency", "Str", "strict-" + UUID.randomUUID() + "@agency.test", PASSWORD, java.time.ZoneId.of("UTC"));
        long before = jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Long.class);
        for (String body : List.of("", "{", "{\"name\":\"\"}", "{\"name\":42}", "{\"name\":\"x\",\"contactEmail\":\"nope\"}",
                "[1,2]", "{\"name\":\"x\",\"website\":\"not a site\"}")) {
            HttpResponse<String> response = post("/api/clients", owner.accessToken(), body, Map.of());
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
            assertThat(response.body()).doesNotContain("Exception", "at com.");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Long.class)).isEqualTo(before);
    }

    private HttpResponse<String> post(String path, String token, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::setHeader);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> runConcurrently(List<Callable<String>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<String>> futures = pool.invokeAll(tasks);
            List<String> results = new ArrayList<>();
            for (Future<String> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
