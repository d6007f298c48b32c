package com.webprometrics.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.webprometrics.localpg.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults against the packaged stack on a private PostgreSQL cluster the test kills and starts again: the database
 * killed under writes (checks 32 and 34), command-side killed under writes and query-side killed mid-batch (33), two
 * command-side instances on one aggregate (29). Writers stop by themselves; every wait is bounded.
 */
class FaultToleranceTest {
    private static final String PASSWORD = "correct horse battery staple";
    /** Every request in an outage is answered within this; a slower answer fails the request. */
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

    private static Path pgData;
    private static int pgPort;
    private static LocalPostgres cluster;
    private static Stack stack;

    @BeforeAll
    static void start() throws IOException {
        pgData = RepoLayout.systemTestsDir().resolve("target/fault-pg/pgdata");
        deleteRecursively(pgData);
        pgPort = Stack.freePort();
        cluster = LocalPostgres.startEmbedded(pgData, pgPort);
        // writers send a few thousand commands with one token: the signed-in budget must not be what refuses them
        stack = Stack.builder().name("faults").postgres(cluster).env("WPM_RATE_LIMIT_USER_CAPACITY", "1000000")
                .env("WPM_DEFAULT_CLIENT_LIMIT", "100000").start();
    }

    @AfterAll
    static void stop() {
        try {
            if (stack != null) stack.close();
        } finally {
            if (cluster != null) cluster.close();
        }
    }

    private record Owner(String token, String agencyId) {
    }

    private static Owner signUp(String agency) {
        ApiResponse r = stack.api().fromNewAddress()
                .post("/api/auth/signup", Map.of("agencyName", agency, "name", "Fay", "email",
                        "owner-" + UUID.randomUUID() + "@faults.test", "password", PASSWORD), null);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new Owner(r.field("accessToken"), r.field("agencyId"));
    }

    private static String createClient(Owner owner, String name) {
        ApiResponse r = stack.api().post("/api/clients", Map.of("name", name), owner.token());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.field("id");
    }

    /** What a writer saw: acknowledged writes (with their positions) and every other answer. */
    private static final class Writes {
        final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
        final Queue<Long> positions = new ConcurrentLinkedQueue<>();
        final Queue<ApiResponse> refused = new ConcurrentLinkedQueue<>();
        final Queue<RuntimeException> unanswered = new ConcurrentLinkedQueue<>();
    }

    /**
     * Writers that each update their own client (no conflicts between them) until told to stop or 3 minutes pass.
     */
    private static List<Future<?>> startWriters(ExecutorService pool, Owner owner, List<String> clients, Writes writes,
                                                AtomicBoolean stop) {
        Api api = stack.api().answeringWithin(ANSWER_WITHIN);
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        List<Future<?>> writers = new ArrayList<>();
        for (String client : clients) {
            writers.add(pool.submit(() -> {
                for (int i = 0; !stop.get() && System.nanoTime() < until; i++) {
                    String note = "note-" + client + "-" + i;
                    try {
                        ApiResponse r = api.patch("/api/clients/" + client, Map.of("notes", note), owner.token());
                        if (r.status() / 100 == 2) {
                            writes.acknowledged.add(note);
                            writes.positions.add(r.json().path("position").asLong());
                        } else {
                            writes.refused.add(r);
                            sleepQuietly(100);
                        }
                    } catch (UncheckedIOException e) {
                        writes.unanswered.add(e);
                        sleepQuietly(100);
                    }
                }
            }));
        }
        return writers;
    }

    @Test
    void killingPostgresUnderWritesLosesNoAcknowledgedWriteAndTheStackRecoversWithoutARestart() throws Exception {
        Owner owner = signUp("Crash Agency");
        List<String> clients = List.of(createClient(owner, "One"), createClient(owner, "Two"), createClient(owner, "Three"));
        Writes writes = new Writes();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            List<Future<?>> writers = startWriters(pool, owner, clients, writes, stop);
            awaitTrue("writes acknowledged before the crash", Duration.ofSeconds(60), () -> writes.acknowledged.size() >= 60);

            killPostgres();
            int acknowledgedAtTheCrash = writes.acknowledged.size();
            awaitTrue("answers during the outage", Duration.ofSeconds(60), () -> writes.refused.size() >= 15);
            ApiResponse health = stack.api().answeringWithin(ANSWER_WITHIN).get("/health", null);
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().path("components").path("database").asText()).isEqualTo("DOWN");

            restartPostgres();
            awaitTrue("writes acknowledged again, no service restarted", Duration.ofSeconds(90),
                    () -> writes.acknowledged.size() >= acknowledgedAtTheCrash + 30);
            stop.set(true);
            for (Future<?> writer : writers) writer.get(30, TimeUnit.SECONDS);
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }

        assertThat(writes.unanswered).as("every request answered within %s", ANSWER_WITHIN).isEmpty();
        assertThat(writes.refused).as("refusals while the database is away").isNotEmpty().allSatisfy(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(503);
            assertThat(r.isProblem()).as(r.toString()).isTrue();
            assertThat(r.header("Retry-After")).as(r.toString()).isNotBlank();
        });
        assertThat(notesInTheEventStore(clients)).as("every acknowledged write survived the crash")
                .containsAll(writes.acknowledged);
        long last = writes.positions.stream().mapToLong(Long::longValue).max().orElseThrow();
        ApiResponse caughtUp = Eventually.await("the read models past the crash", Duration.ofSeconds(120),
                () -> stack.api().get("/api/clients?size=10", owner.token(), "X-Min-Position", String.valueOf(last)),
                r -> r.status() == 200);
        assertThat(caughtUp.json().path("total").asLong()).isEqualTo(3);
        assertThat(stack.api().get("/health", null).status()).isEqualTo(200);
    }

    @Test
    void killingCommandSideUnderCreatesLeavesEveryAcknowledgedClientAndNothingHalfApplied() throws Exception {
        Owner owner = signUp("Kill Agency");
        Api api = stack.api().answeringWithin(Duration.ofSeconds(10));
        Queue<String> created = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch enough = new CountDownLatch(40);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                writers.add(pool.submit(() -> {
                    long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
                    while (!stop.get() && System.nanoTime() < until) {
                        try {
                            ApiResponse r = api.post("/api/clients", Map.of("name", "Client " + UUID.randomUUID()), owner.token());
                            if (r.status() == 201) {
                                created.add(r.field("id"));
                                enough.countDown();
                            } else {
                                sleepQuietly(100);
                            }
                        } catch (UncheckedIOException e) {
                            sleepQuietly(100);
                        }
                    }
                }));
            }
            assertThat(enough.await(60, TimeUnit.SECONDS)).as("clients created before the kill").isTrue();
            stack.killAndRestart(Stack.COMMAND);
            int beforeRestart = created.size();
            awaitTrue("clients created after the restart", Duration.ofSeconds(60), () -> created.size() >= beforeRestart + 20);
            stop.set(true);
            for (Future<?> writer : writers) writer.get(30, TimeUnit.SECONDS);
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }

        try (Connection db = connect()) {
            List<String> inStore = strings(db, """
                    SELECT aggregate_identifier FROM event_store.domain_event_entry
                    WHERE payload_type = 'com.webprometrics.events.clients.ClientCreated'
                      AND convert_from(payload, 'UTF8')::jsonb ->> 'agencyId' = ?""", owner.agencyId());
            assertThat(inStore).as("every acknowledged client is in the event store").containsAll(created);
            long quota = number(db, "SELECT active_clients FROM command.client_quota WHERE agency_id = ?::uuid", owner.agencyId());
            assertThat(quota).as("the plan quota row counts exactly the clients whose events were committed")
                    .isEqualTo(inStore.size());
        }
    }

    @Test
    void killingQuerySideMidBatchLeavesReadModelsEqualToARebuild() throws Exception {
        Owner owner = signUp("Projection Agency");
        Api api = stack.api();
        List<String> integrations = new ArrayList<>();
        for (String name : List.of("Alpha", "Beta", "Gamma")) {
            ApiResponse connected = api.post("/api/clients/" + createClient(owner, name) + "/integrations",
                    Map.of("provider", "csv"), owner.token());
            assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
            integrations.add(connected.field("id"));
        }
        // each upload commits thousands of day events in one transaction; the query side projects them in batches
        StringBuilder csv = new StringBuilder("date,metric,value\n");
        java.time.LocalDate first = java.time.LocalDate.of(2012, 1, 1);
        for (int day = 0; day < 4000; day++) {
            csv.append(first.plusDays(day)).append(",sessions,").append(100 + day % 37).append('\n');
        }
        ExecutorService uploads = Executors.newSingleThreadExecutor();
        Queue<ApiResponse> answers = new ConcurrentLinkedQueue<>();
        boolean midBatch;
        try {
            Future<?> uploading = uploads.submit(() -> {
                for (String integration : integrations) {
                    answers.add(api.uploadFile("/api/integrations/" + integration + "/import", "metrics.csv", "text/csv",
                            csv.toString(), owner.token()));
                }
            });
            awaitTrue("the query side projecting the first upload", Duration.ofSeconds(60),
                    () -> metricRows(owner) > 0);
            long projectedAtTheKill = metricRows(owner);
            stack.killAndRestart(Stack.QUERY);
            midBatch = projectedAtTheKill < 4000L * integrations.size();
            uploading.get(120, TimeUnit.SECONDS);
        } finally {
            uploads.shutdownNow();
        }
        assertThat(midBatch).as("the kill landed while events were still to project").isTrue();
        assertThat(answers).hasSize(3).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        long last = answers.stream().mapToLong(r -> r.json().path("position").asLong()).max().orElseThrow();

        awaitReadModelsAt(owner, last);
        Map<String, List<String>> afterTheKill = readModels();
        assertThat(afterTheKill.get("metrics_daily")).as("every day of every upload").hasSizeGreaterThanOrEqualTo(12000);

        // the documented rebuild: query side stopped, every token deleted and every read model emptied, started again
        stack.killAndRestart(Stack.QUERY, () -> {
            try (Connection db = connect(); java.sql.Statement st = db.createStatement()) {
                db.setAutoCommit(false);
                st.execute("DELETE FROM query.token_entry");
                for (String table : afterTheKill.keySet()) st.execute("TRUNCATE query." + table);
                db.commit();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        awaitReadModelsAt(owner, last);
        Map<String, List<String>> rebuilt = readModels();
        assertThat(rebuilt.keySet()).isEqualTo(afterTheKill.keySet());
        for (String table : afterTheKill.keySet()) {
            // per table, naming the rows that differ (a whole read model printed is cut after 1,000 rows)
            List<String> onlyLive = new ArrayList<>(afterTheKill.get(table));
            onlyLive.removeAll(rebuilt.get(table));
            List<String> onlyRebuilt = new ArrayList<>(rebuilt.get(table));
            onlyRebuilt.removeAll(afterTheKill.get(table));
            assertThat(rebuilt.get(table)).as("%s after a kill -9 mid-batch equals a rebuild from the event store;"
                    + " only after the kill: %s; only in the rebuild: %s", table, onlyLive, onlyRebuilt)
                    .isEqualTo(afterTheKill.get(table));
        }
    }

    private static long metricRows(Owner owner) {
        try (Connection db = connect()) {
            return number(db, "SELECT count(*) FROM query.metrics_daily WHERE agency_id = ?::uuid", owner.agencyId());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitReadModelsAt(Owner owner, long position) {
        Eventually.await("the query side at position " + position, Duration.ofSeconds(180),
                () -> stack.api().get("/api/clients?size=10", owner.token(), "X-Min-Position", String.valueOf(position)),
                r -> r.status() == 200);
    }

    /** Every read-model table's rows as JSON text, sorted: what a user can be shown, whatever order it was written in. */
    private static Map<String, List<String>> readModels() throws SQLException {
        Map<String, List<String>> tables = new java.util.TreeMap<>();
        try (Connection db = connect()) {
            for (String table : strings(db, """
                    SELECT table_name FROM information_schema.tables
                    WHERE table_schema = ? AND table_type = 'BASE TABLE'
                      AND table_name NOT IN ('token_entry', 'flyway_schema_history')""", "query")) {
                tables.put(table, strings(db, "SELECT row_to_json(t)::text FROM query." + table + " t ORDER BY 1"));
            }
        }
        return tables;
    }

    @Test
    void twoCommandSideInstancesWritingOneAggregateNeverDuplicateASequence() throws Exception {
        Owner owner = signUp("Twin Agency");
        String client = createClient(owner, "Shared");
        int secondPort = Stack.freePort();
        Process second = stack.launchExtra(Stack.COMMAND, secondPort);
        try {
            List<Api> instances = List.of(new Api(java.net.URI.create(stack.commandUrl())),
                    new Api(java.net.URI.create("http://127.0.0.1:" + secondPort)));
            Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> writers = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    Api api = instances.get(w % 2);
                    int writer = w;
                    writers.add(pool.submit(() -> {
                        for (int i = 0; i < 40; i++) {
                            statuses.add(api.patch("/api/clients/" + client,
                                    Map.of("notes", "w" + writer + "-" + i), owner.token()).status());
                        }
                    }));
                }
                for (Future<?> writer : writers) writer.get(120, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            assertThat(statuses).as("each command either wins or is told it lost").allMatch(s -> s == 200 || s == 409);
            try (Connection db = connect()) {
                List<Long> sequences = strings(db, """
                        SELECT e.sequence_number::text FROM event_store.domain_event_entry e
                        WHERE e.aggregate_identifier = ? ORDER BY e.sequence_number""", client)
                        .stream().map(Long::parseLong).toList();
                assertThat(sequences).as("no sequence twice, none skipped").doesNotHaveDuplicates()
                        .last().isEqualTo(sequences.size() - 1L);
                assertThat(sequences.size() - 1L).as("one event per winning command")
                        .isEqualTo(statuses.stream().filter(s -> s == 200).count());
            }
        } finally {
            second.destroy();
            second.waitFor(20, TimeUnit.SECONDS);
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** The whole server at once, as a power cut or the OOM killer would: the postmaster and every backend. */
    private static void killPostgres() throws IOException {
        long pid = Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : all) {
            process.onExit().orTimeout(20, TimeUnit.SECONDS).join();
        }
    }

    /** The same data directory and port; the killed server's handle lets go of the directory first. */
    private static void restartPostgres() {
        try {
            cluster.close(); // pg_ctl stop finds nothing to stop; the data directory's lock is released
        } catch (RuntimeException alreadyGone) {
            // nothing held
        }
        cluster = LocalPostgres.startEmbedded(pgData, pgPort);
    }

    private static List<String> notesInTheEventStore(List<String> clients) throws SQLException {
        try (Connection db = connect()) {
            List<String> notes = new ArrayList<>();
            for (String client : clients) {
                for (String payload : strings(db, """
                        SELECT convert_from(payload, 'UTF8') FROM event_store.domain_event_entry
                        WHERE aggregate_identifier = ?""", client)) {
                    JsonNode event = Api.JSON.readTree(payload);
                    if (event.hasNonNull("notes")) notes.add(event.get("notes").asText());
                }
            }
            return notes;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(), stack.postgres().user(), stack.postgres().password());
    }

    private static List<String> strings(Connection db, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) statement.setString(i + 1, parameters[i]);
            try (ResultSet rows = statement.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rows.next()) values.add(rows.getString(1));
                return values;
            }
        }
    }

    private static long number(Connection db, String sql, String parameter) throws SQLException {
        List<String> values = strings(db, sql, parameter);
        assertThat(values).hasSize(1);
        return Long.parseLong(values.get(0));
    }

    private static void awaitTrue(String what, Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not reached within " + deadline + ": " + what + "\n"
                        + stack.logTail(Stack.COMMAND, 40));
            }
            sleepQuietly(100);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
