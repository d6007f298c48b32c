package com.webprometrics.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static com.webprometrics.systemtests.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor's questions through the packaged stack: who changed this client, when, from where, and what it looked
 * like before; every audit endpoint scoped to the caller's agency; the log sealed under concurrent writers and
 * after a kill -9 of the sealer, signed, anchored in the sink, exported and verified offline by the verifier jar;
 * an edit of the event store behind the application's back found by {@code /api/audit/verify}.
 */
class AuditEndToEndTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static Stack stack;

    @BeforeAll
    static void start() {
        stack = Stack.builder().name("audit").start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private record Account(String token, String userId, String agencyId, Api api) {
    }

    private static Account signUp(String agencyName, String name, String ip) {
        Api api = stack.api().fromNewAddress().forwardedFor(ip).withHeader("User-Agent", "AuditTest/1.0 (" + name + ")");
        ApiResponse signup = api.post("/api/auth/signup", Map.of("agencyName", agencyName, "name", name,
                "email", "audit-" + UUID.randomUUID() + "@agency.test", "password", PASSWORD), null);
        assertThat(signup.status()).as(signup.toString()).isEqualTo(201);
        return new Account(signup.field("accessToken"), signup.field("userId"), signup.field("agencyId"), api);
    }

    private static Account invite(Account owner, String role, String name) {
        ApiResponse invitation = owner.api().post("/api/team/invitations",
                Map.of("email", role.toLowerCase() + "-" + UUID.randomUUID() + "@agency.test", "role", role),
                owner.token());
        assertThat(invitation.status()).as(invitation.toString()).isEqualTo(201);
        Api api = stack.api().fromNewAddress();
        ApiResponse accepted = api.post("/api/auth/accept-invitation", Map.of("inviteToken",
                invitation.field("inviteToken"), "name", name, "password", PASSWORD), null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        return new Account(accepted.field("accessToken"), accepted.field("userId"), owner.agencyId(), api);
    }

    @Test
    void anAuditorSeesWhoChangedAClientWhenFromWhereAndWhatItLookedLikeBefore() throws InterruptedException {
        Account owner = signUp("Audit Agency", "Dana Lee", "203.0.113.7");
        ApiResponse created = owner.api().post("/api/clients", Map.of("name", "Acme Ltd"), owner.token());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String clientId = created.field("id");
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        ApiResponse renamed = owner.api().patch("/api/clients/" + clientId, Map.of("name", "Acme Group"), owner.token());
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        Account auditor = invite(owner, "AUDITOR", "Ada Auditor");

        ApiResponse events = auditor.api().get("/api/audit/events?aggregateType=client&aggregateId=" + clientId,
                auditor.token(), "X-Min-Position", renamed.field("position"));
        assertThat(events.status()).as(events.toString()).isEqualTo(200);
        JsonNode list = events.json().path("events");
        assertThat(list).hasSize(2);
        JsonNode rename = list.get(0);
        assertThat(rename.path("type").asText()).isEqualTo("ClientDetailsUpdated");
        assertThat(rename.path("summary").asText()).isEqualTo("Dana Lee renamed client Acme Ltd → Acme Group");
        assertThat(rename.path("actor").path("userId").asText()).isEqualTo(owner.userId());
        assertThat(rename.path("actor").path("name").asText()).isEqualTo("Dana Lee");
        assertThat(rename.path("actor").path("email").asText()).startsWith("audit-");
        assertThat(rename.path("ip").asText()).isEqualTo("203.0.113.7");
        assertThat(rename.path("userAgent").asText()).isEqualTo("AuditTest/1.0 (Dana Lee)");
        assertThat(rename.path("payload").path("name").asText()).isEqualTo("Acme Group");
        assertThat(rename.path("position").asLong()).isEqualTo(Long.parseLong(renamed.field("position")));
        assertThat(list.get(1).path("summary").asText()).isEqualTo("Dana Lee created client Acme Ltd");

        // one request's events, by its correlation id
        String correlation = rename.path("correlationId").asText();
        ApiResponse request = auditor.api().get("/api/audit/events?correlationId=" + correlation, auditor.token());
        assertThat(request.json().path("events")).extracting(e -> e.path("correlationId").asText()).containsOnly(correlation);
        assertThat(request.json().path("events")).extracting(e -> e.path("position").asLong())
                .contains(rename.path("position").asLong());

        // keyset paging: one at a time, newest first, no repeats
        ApiResponse first = auditor.api().get("/api/audit/events?limit=1", auditor.token());
        ApiResponse second = auditor.api().get("/api/audit/events?limit=1&after=" + first.json().path("next").asText(),
                auditor.token());
        assertThat(second.json().path("events").get(0).path("position").asLong())
                .isLessThan(first.json().path("events").get(0).path("position").asLong());

        ApiResponse history = auditor.api().get("/api/audit/aggregates/client/" + clientId + "/history", auditor.token());
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        assertThat(history.json()).hasSize(2);
        JsonNode change = history.json().get(1).path("changes").path("name");
        assertThat(change.path("from").asText()).isEqualTo("Acme Ltd");
        assertThat(change.path("to").asText()).isEqualTo("Acme Group");
        assertThat(history.json().get(1).path("stateAfter").path("name").asText()).isEqualTo("Acme Group");
        assertThat(history.json().get(0).path("stateAfter").path("status").asText()).isEqualTo("active");

        ApiResponse before = auditor.api().get("/api/audit/aggregates/client/" + clientId + "/state?at=" + between,
                auditor.token());
        assertThat(before.status()).as(before.toString()).isEqualTo(200);
        assertThat(before.json().path("state").path("name").asText()).isEqualTo("Acme Ltd");
        assertThat(before.json().path("sequence").asLong()).isZero();
        ApiResponse notYet = auditor.api().get("/api/audit/aggregates/client/" + clientId + "/state?at=2000-01-01T00:00:00Z",
                auditor.token());
        assertThat(notYet.status()).isEqualTo(404);
        assertThat(notYet.contentType()).startsWith("application/problem+json");

        // the auditor reads everything and changes nothing
        assertThat(auditor.api().post("/api/clients", Map.of("name", "Nope"), auditor.token()).status()).isEqualTo(403);
        assertThat(auditor.api().patch("/api/clients/" + clientId, Map.of("name", "Nope"), auditor.token()).status())
                .isEqualTo(403);
        assertThat(auditor.api().get("/api/audit/events?actor=not-a-user", auditor.token()).status()).isEqualTo(400);
        assertThat(auditor.api().get("/api/audit/events?aggregateType=planet", auditor.token()).status()).isEqualTo(400);
        assertThat(auditor.api().get("/api/audit/events?from=yesterday", auditor.token()).status()).isEqualTo(400);
    }

    @Test
    void everyAuditEndpointAnswersForTheCallersAgencyOnly() throws IOException {
        Account mine = signUp("Mine Agency", "Mia Mine", "198.51.100.21");
        Account theirs = signUp("Theirs Agency", "Theo Theirs", "198.51.100.22");
        ApiResponse client = theirs.api().post("/api/clients", Map.of("name", "Their Secret Client"), theirs.token());
        String theirClient = client.field("id");
        String position = client.field("position");

        ApiResponse search = mine.api().get("/api/audit/events?aggregateId=" + theirClient, mine.token(),
                "X-Min-Position", position);
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.json().path("events")).isEmpty();
        ApiResponse all = mine.api().get("/api/audit/events?limit=200", mine.token(), "X-Min-Position", position);
        assertThat(all.json().path("events")).extracting(e -> e.path("payload").path("agencyId").asText())
                .containsOnly(mine.agencyId());
        assertThat(all.text()).doesNotContain("Their Secret Client");
        assertThat(mine.api().get("/api/audit/aggregates/client/" + theirClient + "/history", mine.token()).status())
                .isEqualTo(404);
        assertThat(mine.api().get("/api/audit/aggregates/client/" + theirClient + "/state?at=" + Instant.now(),
                mine.token()).status()).isEqualTo(404);
        assertThat(mine.api().get("/api/audit/aggregates/agency/" + theirs.agencyId() + "/history", mine.token())
                .status()).isEqualTo(404);
        assertThat(mine.api().get("/api/audit/event-types", mine.token()).text()).doesNotContain("ClientCreated");

        ApiResponse export = awaitSealed(mine);
        assertThat(export.text()).doesNotContain(theirs.agencyId()).doesNotContain("Their Secret Client");

        Account analyst = invite(mine, "ANALYST", "Al Analyst");
        assertThat(analyst.api().get("/api/audit/events", analyst.token()).status()).isEqualTo(403);
        assertThat(analyst.api().get("/api/audit/verify", analyst.token()).status()).isEqualTo(403);
        assertThat(analyst.api().get("/api/audit/export", analyst.token()).status()).isEqualTo(403);
        assertThat(stack.api().get("/api/audit/events", null).status()).isEqualTo(401);
    }

    @Test
    void anExportVerifiesOfflineAgainstTheAnchoredCheckpointAndAnEditedEventIsFound() throws Exception {
        Account owner = signUp("Sealed Agency", "Sam Sealer", "192.0.2.44");
        for (int i = 0; i < 5; i++) {
            assertThat(owner.api().post("/api/clients", Map.of("name", "Client " + i), owner.token()).status())
                    .isEqualTo(201);
        }
        ApiResponse last = owner.api().post("/api/clients", Map.of("name", "The last one"), owner.token());
        ApiResponse verified = await("a checkpoint covering the agency's events", Duration.ofSeconds(30),
                () -> owner.api().get("/api/audit/verify", owner.token()),
                r -> r.status() == 200 && r.json().path("ok").asBoolean()
                        && r.json().path("verifiedUpTo").asLong() >= Long.parseLong(last.field("position")));
        assertThat(verified.json().path("checkpoint").path("size").asLong()).isPositive();
        assertThat(verified.json().path("checkpoint").path("keyId").asText()).isNotBlank();
        int events = verified.json().path("eventsChecked").asInt();
        assertThat(events).isGreaterThanOrEqualTo(12);

        ApiResponse key = stack.api().get("/api/audit/checkpoint-key", null);
        assertThat(key.status()).as(key.toString()).isEqualTo(200);
        assertThat(key.json().path("crv").asText()).isEqualTo("Ed25519");
        assertThat(key.json().path("kid").asText()).isEqualTo(verified.json().path("checkpoint").path("keyId").asText());

        ApiResponse export = owner.api().get("/api/audit/export", owner.token());
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        assertThat(export.header("Content-Disposition")).contains(".ndjson");
        Path dir = Files.createTempDirectory("audit-export");
        Path file = Files.write(dir.resolve("export.ndjson"), export.bytes());
        Path keyFile = Files.writeString(dir.resolve("key.json"), key.text());
        Path anchored = dir.resolve("anchored.ndjson");
        Files.copy(stack.auditSinkFile(), anchored);

        Verification intact = verifyOffline(file, "--key", keyFile.toString());
        assertThat(intact.exit()).as(intact.output()).isZero();
        assertThat(intact.output()).contains(key.json().path("kid").asText());

        // the same file with one payload edited (the reading view and the stored bytes alike) is refused by name
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int target = 3;
        JsonNode event = Api.JSON.readTree(lines.get(target));
        String forged = lines.get(target).replace(event.path("leaf").path("payload").asText(),
                java.util.Base64.getEncoder().encodeToString(new String(java.util.Base64.getDecoder()
                        .decode(event.path("leaf").path("payload").asText()), StandardCharsets.UTF_8)
                        .replace("\"agencyId\"", "\"agencyId\" ").getBytes(StandardCharsets.UTF_8)));
        lines.set(target, forged);
        Path tampered = Files.write(dir.resolve("tampered.ndjson"), lines, StandardCharsets.UTF_8);
        Verification caught = verifyOffline(tampered, "--key", keyFile.toString());
        assertThat(caught.exit()).as(caught.output()).isNotZero();
        assertThat(caught.output()).containsIgnoringCase("modified").contains(event.path("position").asText());

        // anchored: the sink's latest checkpoint, with an export that carries the consistency proof from it
        JsonNode anchor = Api.JSON.readTree(Files.readAllLines(anchored).get(Files.readAllLines(anchored).size() - 1));
        long anchoredSize = anchor.path("checkpoint").path("size").asLong();
        ApiResponse later = owner.api().post("/api/clients", Map.of("name", "After the anchor"), owner.token());
        await("a checkpoint after the anchored one", Duration.ofSeconds(30),
                () -> owner.api().get("/api/audit/verify", owner.token()),
                r -> r.json().path("verifiedUpTo").asLong() >= Long.parseLong(later.field("position")));
        ApiResponse anchoredExport = owner.api().get("/api/audit/export?anchor=" + anchoredSize, owner.token());
        Path second = Files.write(dir.resolve("second.ndjson"), anchoredExport.bytes());
        Verification consistent = verifyOffline(second, "--checkpoint", anchored.toString(), "--key", keyFile.toString());
        assertThat(consistent.exit()).as(consistent.output()).isZero();

        // an edit of the event store behind the application's back: /verify names the event
        long edited;
        try (Connection db = commandDatabase(); Statement st = db.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT e.global_index FROM event_store.domain_event_entry e "
                    + "JOIN event_store.audit_leaf l ON l.global_index = e.global_index WHERE l.agency_id = '"
                    + owner.agencyId() + "' AND e.payload_type LIKE '%ClientCreated' ORDER BY e.global_index LIMIT 1");
            assertThat(rs.next()).isTrue();
            edited = rs.getLong(1);
            st.executeUpdate("UPDATE event_store.domain_event_entry SET payload = convert_to(replace(convert_from(payload, "
                    + "'UTF8'), 'Client 0', 'Client Zero'), 'UTF8') WHERE global_index = " + edited);
        }
        ApiResponse broken = owner.api().get("/api/audit/verify", owner.token());
        assertThat(broken.json().path("ok").asBoolean()).as(broken.toString()).isFalse();
        assertThat(broken.json().path("firstBrokenPosition").asLong()).isEqualTo(edited);
        assertThat(broken.json().path("reason").asText()).isNotBlank();
        Path afterEdit = Files.write(dir.resolve("after-edit.ndjson"),
                owner.api().get("/api/audit/export", owner.token()).bytes());
        Verification editFound = verifyOffline(afterEdit, "--key", keyFile.toString());
        assertThat(editFound.exit()).as(editFound.output()).isNotZero();
        assertThat(editFound.output()).contains(String.valueOf(edited));
    }

    @Test
    void sealingUnderConcurrentWritersSkipsAndRepeatsNothingAcrossAKillOfTheSealer() throws Exception {
        List<Account> agencies = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            agencies.add(signUp("Busy Agency " + i, "Writer " + i, "192.0.2." + (100 + i)));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            Account account = agencies.get(w % agencies.size());
            running.add(writers.submit(() -> {
                Api api = account.api().answeringWithin(Duration.ofSeconds(10));
                String client = api.post("/api/clients", Map.of("name", "Busy " + UUID.randomUUID()), account.token())
                        .field("id");
                // until told to stop (bounded): while the command side is down, requests fail and are paced
                for (int n = 0; writing.get() && n < 5_000; n++) {
                    ApiResponse r;
                    try {
                        r = api.patch("/api/clients/" + client, Map.of("notes", "busy " + n), account.token());
                    } catch (java.io.UncheckedIOException timedOut) {
                        continue;
                    }
                    if (r.status() == 200) {
                        written.incrementAndGet();
                    } else {
                        Thread.sleep(50);
                    }
                }
                return null;
            }));
        }
        await("writers under way", Duration.ofSeconds(30), () -> null, r -> written.get() >= 60);
        stack.killAndRestart("command-side");
        int atRestart = written.get();
        await("writers after the restart", Duration.ofSeconds(60), () -> null, r -> written.get() >= atRestart + 60);
        writing.set(false);
        for (Future<?> f : running) {
            f.get(60, TimeUnit.SECONDS);
        }
        writers.shutdown();

        try (Connection db = commandDatabase(); Statement st = db.createStatement()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            long unsealed;
            do {
                Thread.sleep(200);
                unsealed = count(st, "SELECT count(*) FROM event_store.domain_event_entry e WHERE NOT EXISTS "
                        + "(SELECT 1 FROM event_store.audit_leaf l WHERE l.global_index = e.global_index)");
            } while (unsealed > 0 && System.nanoTime() < deadline);
            assertThat(unsealed).as("events never sealed").isZero();
            assertThat(count(st, "SELECT count(*) FROM event_store.audit_leaf"))
                    .isEqualTo(count(st, "SELECT count(*) FROM event_store.domain_event_entry"));
            // every agency's sequence runs 1..n without a gap or a repeat
            assertThat(count(st, "SELECT count(*) FROM (SELECT agency_id FROM event_store.audit_leaf GROUP BY agency_id "
                    + "HAVING max(agency_seq) <> count(*) OR min(agency_seq) <> 1) broken")).isZero();
            assertThat(count(st, "SELECT count(*) FROM event_store.audit_agency a WHERE a.size <> "
                    + "(SELECT count(*) FROM event_store.audit_leaf l WHERE l.agency_id = a.agency_id)")).isZero();
        }
        for (Account account : agencies) {
            ApiResponse verify = await("the busy agency's log verifies", Duration.ofSeconds(30),
                    () -> account.api().get("/api/audit/verify", account.token()),
                    r -> r.status() == 200 && r.json().path("ok").asBoolean()
                            && r.json().path("eventsChecked").asInt() > 6);
            assertThat(verify.json().has("firstBrokenPosition")).isFalse();
        }
    }

    @Test
    void anErasedMemberReadsAsErasedEverywhereAndTheLogStillVerifiesOffline() throws Exception {
        Account owner = signUp("Forgetting Agency", "Fay Owner", "192.0.2.61");
        String memberEmail = "mona-" + UUID.randomUUID() + "@agency.test";
        ApiResponse invitation = owner.api().post("/api/team/invitations", Map.of("email", memberEmail, "role", "ANALYST"),
                owner.token());
        Api memberApi = stack.api().fromNewAddress().forwardedFor("192.0.2.62").withHeader("User-Agent", "MonaBrowser/2");
        ApiResponse accepted = memberApi.post("/api/auth/accept-invitation", Map.of("inviteToken",
                invitation.field("inviteToken"), "name", "Mona Member", "password", PASSWORD), null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        String memberId = accepted.field("userId");
        ApiResponse client = memberApi.post("/api/clients", Map.of("name", "Mona's client", "contactEmail",
                "contact@client.test"), accepted.field("accessToken"));
        assertThat(client.status()).as(client.toString()).isEqualTo(201);
        assertThat(owner.api().delete("/api/team/" + memberId, owner.token()).status()).isEqualTo(200);

        ApiResponse erased = owner.api().post("/api/privacy/erasures", Map.of("subjectType", "user", "subjectId", memberId,
                "reason", "Right to erasure request #42"), owner.token());
        assertThat(erased.status()).as(erased.toString()).isEqualTo(202);
        String position = erased.field("position");

        ApiResponse team = owner.api().get("/api/team", owner.token(), "X-Min-Position", position);
        JsonNode member = null;
        for (JsonNode m : team.json().path("items")) {
            if (m.path("userId").asText().equals(memberId)) member = m;
        }
        assertThat(member).isNotNull();
        assertThat(member.path("name").asText()).isEqualTo("[erased]");
        assertThat(member.path("email").asText()).isEqualTo("[erased]");
        assertThat(team.text()).doesNotContain(memberEmail).doesNotContain("Mona Member");

        ApiResponse byMember = owner.api().get("/api/audit/events?actor=" + memberId, owner.token(), "X-Min-Position", position);
        assertThat(byMember.json().path("events")).isNotEmpty();
        for (JsonNode event : byMember.json().path("events")) {
            assertThat(event.path("ip").asText()).isEqualTo("[erased]");
            assertThat(event.path("userAgent").asText()).isEqualTo("[erased]");
            assertThat(event.path("actor").path("name").asText()).isEqualTo("[erased]");
        }
        assertThat(byMember.text()).doesNotContain("192.0.2.62").doesNotContain("MonaBrowser").doesNotContain(memberEmail)
                .doesNotContain("Mona Member").contains("Mona's client");
        ApiResponse history = owner.api().get("/api/audit/aggregates/user/" + memberId + "/history", owner.token());
        assertThat(history.json().get(0).path("stateAfter").path("email").asText()).isEqualTo("[erased]");
        assertThat(history.json().get(history.json().size() - 1).path("type").asText()).isEqualTo("PersonalDataErased");

        ApiResponse records = owner.api().get("/api/privacy/erasures", owner.token(), "X-Min-Position", position);
        assertThat(records.json().get(0).path("reason").asText()).isEqualTo("Right to erasure request #42");
        assertThat(records.json().get(0).path("requestedBy").path("userId").asText()).isEqualTo(owner.userId());
        assertThat(records.json().get(0).path("subjectId").asText()).isEqualTo(memberId);

        await("a checkpoint covering the erasure", Duration.ofSeconds(30),
                () -> owner.api().get("/api/audit/verify", owner.token()),
                r -> r.status() == 200 && r.json().path("ok").asBoolean()
                        && r.json().path("verifiedUpTo").asLong() >= Long.parseLong(position));
        ApiResponse export = owner.api().get("/api/audit/export", owner.token());
        assertThat(export.text()).doesNotContain(memberEmail).doesNotContain("Mona Member").doesNotContain("192.0.2.62");
        Path dir = Files.createTempDirectory("audit-erasure");
        Path file = Files.write(dir.resolve("export.ndjson"), export.bytes());
        Path key = Files.writeString(dir.resolve("key.json"), stack.api().get("/api/audit/checkpoint-key", null).text());
        Verification verified = verifyOffline(file, "--key", key.toString());
        assertThat(verified.exit()).as(verified.output()).isZero();
    }

    private static ApiResponse awaitSealed(Account account) {
        await("the agency's first checkpoint", Duration.ofSeconds(30),
                () -> account.api().get("/api/audit/verify", account.token()),
                r -> r.status() == 200 && r.json().path("ok").asBoolean() && r.json().path("eventsChecked").asInt() > 0);
        return account.api().get("/api/audit/export", account.token());
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection commandDatabase() throws SQLException {
        var login = stack.login("command-side");
        return DriverManager.getConnection(stack.jdbcUrl(), login.user(), login.password());
    }

    private record Verification(int exit, String output) {
    }

    private static Verification verifyOffline(Path export, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", RepoLayout.root().resolve("ops/audit-verifier/target/audit-verifier.jar").toString(),
                "verify", export.toString()));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Verification(process.exitValue(), output);
    }
}
