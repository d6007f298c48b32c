package com.webprometrics.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webprometrics.command.auth.AuthService;
import com.webprometrics.command.clients.Client;
import com.webprometrics.command.support.PostgresDatabase;
import com.webprometrics.events.clients.ClientDetailsUpdated;
import com.webprometrics.platform.axon.eventstore.SnapshotSerializer;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command's cost does not grow with its aggregate's history: an aggregate not in the cache is loaded from its
 * latest snapshot and the events after it (at most {@code wpm.aggregates.snapshot-every}), and a snapshot that no
 * longer fits the aggregate's class is passed over, never a failure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wpm.billing.plans.starter.client-limit=3", "wpm.integrations.schedule-check=1h"})
class AggregateSnapshotsIntegrationTest {
    private static final String PASSWORD = "a long enough passphrase";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EVERY = 100;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry);
    }

    @Autowired
    AuthService auth;
    @Autowired
    EventStore eventStore;
    @Autowired
    @Qualifier("clientCache")
    Cache clientCache;
    @Autowired
    SnapshotSerializer snapshots;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aClientWithTenThousandEventsLoadsFromASnapshotAndAtMostTheEventsAfterIt() throws Exception {
        AuthService.Tokens owner = signUp();
        String client = createClient(owner);
        appendHistory(owner.agencyId(), client, 1, 9_999);
        clientCache.removeAll(); // the cache knows only the create: this command replays all 10,000 events once

        assertThat(patch(owner, client, "{\"notes\":\"after the history\"}").statusCode()).isEqualTo(200);

        long snapshotAt = awaitSnapshot(client);
        assertThat(snapshotAt).isGreaterThanOrEqualTo(9_999);
        JsonNode snapshot = JSON.readTree(jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM "
                + "event_store.snapshot_event_entry WHERE aggregate_identifier = ?", String.class, client));
        assertThat(snapshot.get("details").get("name").asText()).as("readable JSON of the fields").isEqualTo("History 9999");
        for (int i = 0; i < 3; i++) {
            assertThat(patch(owner, client, "{\"industry\":\"Retail " + i + "\"}").statusCode()).isEqualTo(200);
        }
        clientCache.removeAll();

        List<DomainEventMessage<?>> read = readAll(client);
        assertThat(read.get(0).getPayload()).as("the snapshot first").isInstanceOf(Client.class);
        assertThat(read.get(0).getSequenceNumber()).isEqualTo(snapshotAt);
        assertThat(read).hasSizeLessThanOrEqualTo(1 + EVERY);
        assertThat(read.subList(1, read.size())).allSatisfy(e -> assertThat(e.getSequenceNumber()).isGreaterThan(snapshotAt));

        // loaded from it, the client is whole: a rename keeps every other field the history left
        HttpResponse<String> renamed = patch(owner, client, "{\"name\":\"Renamed\"}");
        assertThat(renamed.statusCode()).isEqualTo(200);
        ClientDetailsUpdated last = (ClientDetailsUpdated) readAll(client).get(readAll(client).size() - 1).getPayload();
        assertThat(last.name()).isEqualTo("Renamed");
        assertThat(last.notes()).isEqualTo("after the history");
        assertThat(last.industry()).isEqualTo("Retail 2");
        assertThat(last.website()).isEqualTo("https://history.example/9999");
    }

    @Test
    void aSnapshotOfAnOlderShapeOrOneThatNoLongerReadsIsPassedOver() throws Exception {
        AuthService.Tokens owner = signUp();
        String client = createClient(owner);
        assertThat(patch(owner, client, "{\"notes\":\"one\"}").statusCode()).isEqualTo(200);

        // taken when Client had other fields: stamped with another shape
        storeSnapshot(client, 1, "0-0123456789abcdef", "{\"clientId\":\"" + client + "\",\"legacyTier\":\"gold\"}");
        clientCache.removeAll();
        assertThat(readAll(client).get(0).getPayload()).as("replayed from the events instead")
                .isNotInstanceOf(Client.class);
        assertThat(patch(owner, client, "{\"notes\":\"two\"}").statusCode()).isEqualTo(200);

        // stamped with today's shape but unreadable (say, a hand edit): skipped as well
        String revision = snapshots.serializer().typeForClass(Client.class).getRevision();
        storeSnapshot(client, 2, revision, "{\"clientId\":\"not a uuid\",\"archived\":[]}");
        clientCache.removeAll();
        assertThat(readAll(client).get(0).getSequenceNumber()).isZero();
        HttpResponse<String> third = patch(owner, client, "{\"industry\":\"Food\"}");
        assertThat(third.statusCode()).as(third.body()).isEqualTo(200);
        List<DomainEventMessage<?>> events = readAll(client);
        ClientDetailsUpdated last = (ClientDetailsUpdated) events.get(events.size() - 1).getPayload();
        assertThat(last.notes()).isEqualTo("two");
        assertThat(last.industry()).isEqualTo("Food");
    }

    @Test
    void aCachedClientThatAnotherInstanceChangedIsLoadedAfreshAndTheCommandGoesThrough() throws Exception {
        AuthService.Tokens owner = signUp();
        String client = createClient(owner);
        assertThat(patch(owner, client, "{\"notes\":\"cached here\"}").statusCode()).isEqualTo(200);
        appendHistory(owner.agencyId(), client, 2, 2); // another instance's command, behind this one's cache

        HttpResponse<String> patched = patch(owner, client, "{\"industry\":\"Food\"}");

        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        List<DomainEventMessage<?>> events = readAll(client);
        assertThat(events).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L, 3L);
        ClientDetailsUpdated last = (ClientDetailsUpdated) events.get(3).getPayload();
        assertThat(last.name()).as("decided on the other instance's state").isEqualTo("History 2");
        assertThat(last.industry()).isEqualTo("Food");
        assertThat(JSON.readTree(patched.body()).get("position").asLong()).isEqualTo(jdbc.queryForObject(
                "SELECT max(global_index) FROM event_store.domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, client));
    }

    /** History as the command side would have appended it, without waiting for 9,999 commands. */
    private void appendHistory(UUID agency, String client, int first, int last) {
        List<EventMessage<?>> batch = new ArrayList<>();
        for (int seq = first; seq <= last; seq++) {
            batch.add(new GenericDomainEventMessage<>("Client", client, seq, new ClientDetailsUpdated(
                    UUID.fromString(client), agency, "History " + seq, "https://history.example/" + seq, "Retail",
                    null, "history " + seq)));
            if (batch.size() == 1000 || seq == last) {
                eventStore.publish(batch);
                batch = new ArrayList<>();
            }
        }
    }

    private void storeSnapshot(String client, long sequence, String revision, String json) {
        jdbc.update("""
                INSERT INTO event_store.snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    meta_data, payload, payload_revision, payload_type, time_stamp)
                VALUES (?, ?, 'Client', ?, convert_to('{}', 'UTF8'), convert_to(?, 'UTF8'), ?, ?, '2026-01-01T00:00:00Z')""",
                client, sequence, UUID.randomUUID().toString(), json, revision, Client.class.getName());
    }

    private long awaitSnapshot(String client) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            List<Long> at = jdbc.queryForList("SELECT sequence_number FROM event_store.snapshot_event_entry "
                    + "WHERE aggregate_identifier = ?", Long.class, client);
            if (!at.isEmpty()) {
                return at.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no snapshot of " + client + " within 30 s");
    }

    private List<DomainEventMessage<?>> readAll(String client) {
        DomainEventStream stream = eventStore.readEvents(client);
        List<DomainEventMessage<?>> events = new ArrayList<>();
        stream.forEachRemaining(events::add);
        return events;
    }

    private AuthService.Tokens signUp() {
        return auth.signUp("Snapshot Agency", "Sam", "snap-" + UUID.randomUUID() + "@agency.test", PASSWORD,
                ZoneId.of("UTC"));
    }

    private String createClient(AuthService.Tokens owner) throws Exception {
        HttpResponse<String> created = send("POST", "/api/clients", owner, "{\"name\":\"Acme\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asText();
    }

    private HttpResponse<String> patch(AuthService.Tokens owner, String client, String json) throws Exception {
        return send("PATCH", "/api/clients/" + client, owner, json);
    }

    private HttpResponse<String> send(String method, String path, AuthService.Tokens owner, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .header("Authorization", "Bearer " + owner.accessToken())
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }
}
