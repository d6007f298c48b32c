package com.webprometrics.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.webprometrics.events.auth.AgencyRegistered;
import com.webprometrics.events.auth.UserRegistered;
import com.webprometrics.events.clients.ClientArchived;
import com.webprometrics.events.clients.ClientCreated;
import com.webprometrics.events.clients.ClientDetailsUpdated;
import com.webprometrics.events.team.UserRoleChanged;
import com.webprometrics.query.support.TestTokens;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Projections fed from the real event store on PostgreSQL, read over real HTTP with real JWTs. */
class QuerySideIntegrationTest extends QuerySideTestContext {

    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;


    private void publish(String type, UUID aggregateId, long sequence, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId.toString(), sequence, payload));
    }


    private record Agency(UUID agencyId, UUID ownerId, String token) {
    }

    private Agency agencyWithClients(String name, String... clients) {
        UUID agencyId = UUID.randomUUID();
        UUID ownerId = UUID.randomUUID();
        publish("Agency", agencyId, 0, new AgencyRegistered(agencyId, name, ownerId, "starter", 10, "UTC"));
        publish("UserAccount", ownerId, 0, new UserRegistered(ownerId, agencyId, "owner@" + name + ".test", "Owner", "OWNER", null));
        for (String client : clients) {
            UUID clientId = UUID.randomUUID();
            publish("Client", clientId, 0, new ClientCreated(clientId, agencyId, client, null, "Retail", null, null));
        }
        return new Agency(agencyId, ownerId, TestTokens.get().token(ownerId, agencyId, "OWNER"));
    }

    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    TransactionManager axonTransactions;

    @Test
    void eventsAreReadFromPostgresInSpringManagedTransactions() {
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(axonTransactions).isInstanceOf(SpringTransactionManager.class);
    }

    @Test
    void clientLifecycleShowsUpInTheListAndDetail() throws Exception {
        Agency agency = agencyWithClients("lifecycle");
        UUID clientId = UUID.randomUUID();
        publish("Client", clientId, 0, new ClientCreated(clientId, agency.agencyId(), "Acme Bakery", "https://acme.test", "Food", "a@acme.test", null));
        publish("Client", clientId, 1, new ClientDetailsUpdated(clientId, agency.agencyId(), "Acme Bakery & Café", "https://acme.test", "Food", "a@acme.test", "VIP"));
        publish("Client", clientId, 2, new ClientArchived(clientId, agency.agencyId()));

        JsonNode archived = get("/api/clients?status=archived", agency.token(), head());
        assertThat(archived.get("total").asLong()).isEqualTo(1);
        JsonNode item = archived.get("items").get(0);
        assertThat(item.get("name").asText()).isEqualTo("Acme Bakery & Café");
        assertThat(item.get("status").asText()).isEqualTo("archived");
        assertThat(item.get("notes").asText()).isEqualTo("VIP");
        assertThat(get("/api/clients?status=active", agency.token(), null).get("total").asLong()).isZero();
        assertThat(get("/api/clients/" + clientId, agency.token(), null).get("website").asText()).isEqualTo("https://acme.test");
    }

    @Test
    void searchAndPagingStayInsideTheAgency() throws Exception {
        Agency mine = agencyWithClients("mine", "Alpha Foods", "Beta Motors", "Gamma Foods");
        Agency theirs = agencyWithClients("theirs", "Delta Foods");
        JsonNode foods = get("/api/clients?q=foods&size=1&page=1", mine.token(), head());
        assertThat(foods.get("total").asLong()).isEqualTo(2);
        assertThat(foods.get("items")).hasSize(1);
        assertThat(foods.get("items").get(0).get("name").asText()).isEqualTo("Gamma Foods");

        String theirClient = jdbc.queryForObject("SELECT client_id::text FROM query.clients_view WHERE agency_id = ?",
                String.class, theirs.agencyId());
        assertThat(send("/api/clients/" + theirClient, mine.token(), Map.of()).statusCode()).isEqualTo(404);
        assertThat(get("/api/clients?q=delta", mine.token(), null).get("total").asLong()).isZero();
    }

    @Test
    void teamAndMeReflectRoleChanges() throws Exception {
        Agency agency = agencyWithClients("team");
        UUID analyst = UUID.randomUUID();
        publish("UserAccount", analyst, 0, new UserRegistered(analyst, agency.agencyId(), "ana@team.test", "Ana", "ANALYST", UUID.randomUUID()));
        publish("UserAccount", analyst, 1, new UserRoleChanged(analyst, agency.agencyId(), "ANALYST", "VIEWER"));
        JsonNode team = get("/api/team", agency.token(), head());
        assertThat(team.get("items")).hasSize(2);
        assertThat(team.findValuesAsText("role")).containsExactlyInAnyOrder("OWNER", "VIEWER");
        JsonNode me = get("/api/auth/me", TestTokens.get().token(analyst, agency.agencyId(), "VIEWER"), null);
        assertThat(me.get("agencyName").asText()).isEqualTo("team");
        assertThat(me.get("roles").get(0).asText()).isEqualTo("VIEWER");
    }

    @Test
    void aPositionBeyondTheHeadIsRefusedAtOnce() throws Exception {
        Agency agency = agencyWithClients("beyond");
        HttpResponse<String> response = send("/api/clients", agency.token(), Map.of("X-Min-Position", String.valueOf(head() + 1)));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("position-beyond-head");
        assertThat(send("/api/clients", agency.token(), Map.of("X-Min-Position", "soon")).statusCode()).isEqualTo(400);
    }

    /**
     * A transaction still open holds a position below a committed one (out-of-order commits): a read after the
     * committed write does not wait for it (no command can have answered a position that is not committed yet), and
     * once it commits, a read after it waits until the processors have picked its event up — nothing is skipped.
     */
    @Test
    void readsWaitForCommittedEventsOnlyAndAnEventCommittedOutOfOrderIsNotSkipped() throws Exception {
        Agency agency = agencyWithClients("out-of-order");
        UUID lateClient = UUID.randomUUID();
        long open;
        try (Connection held = jdbc.getDataSource().getConnection()) {
            held.setAutoCommit(false);
            open = appendUncommitted(held, lateClient, agency.agencyId());
            UUID earlyClient = UUID.randomUUID();
            publish("Client", earlyClient, 0, new ClientCreated(earlyClient, agency.agencyId(), "Early", null, null, null, null));
            long committed = head();
            assertThat(committed).isGreaterThan(open);
            assertThat(get("/api/clients?q=early", agency.token(), committed).get("total").asLong())
                    .as("a committed write is readable while an earlier position is open").isEqualTo(1);
            held.commit();
        }
        JsonNode clients = get("/api/clients?q=late", agency.token(), open);
        assertThat(clients.get("items").findValuesAsText("id")).containsExactly(lateClient.toString());
    }

    @Test
    void aPositionWrittenButNotYetProjectedAnswers503WithRetryAfter() throws Exception {
        Agency agency = agencyWithClients("stale");
        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        processors.forEach(StreamingEventProcessor::shutDown);
        try {
            UUID clientId = UUID.randomUUID();
            publish("Client", clientId, 0, new ClientCreated(clientId, agency.agencyId(), "Waiting", null, null, null, null));
            HttpResponse<String> stale = send("/api/clients", agency.token(), Map.of("X-Min-Position", String.valueOf(head())));
            assertThat(stale.statusCode()).isEqualTo(503);
            assertThat(stale.headers().firstValue("Retry-After")).contains("1");
            assertThat(stale.body()).contains("stale-read");
        } finally {
            processors.forEach(StreamingEventProcessor::start);
        }
        assertThat(get("/api/clients?q=waiting", agency.token(), head()).get("total").asLong()).isEqualTo(1);
    }

    /**
     * An import's transaction (about 9,600 events at most) still open while others commit more than Axon's default
     * gap offset (10,000) after it: with the default its events would be forgotten and never projected.
     */
    @Test
    void anEventCommittedBehindFifteenThousandLaterOnesIsNotSkipped() throws Exception {
        Agency agency = agencyWithClients("behind");
        UUID lateClient = UUID.randomUUID();
        long open;
        try (Connection held = jdbc.getDataSource().getConnection()) {
            held.setAutoCommit(false);
            open = appendUncommitted(held, lateClient, agency.agencyId());
            jdbc.update("""
                    INSERT INTO event_store.domain_event_entry (event_identifier, meta_data, payload, payload_type,
                        time_stamp, aggregate_identifier, sequence_number, type)
                    SELECT gen_random_uuid()::text, convert_to('{}', 'UTF8'), convert_to('{}', 'UTF8'),
                        'com.webprometrics.test.Filler',
                        to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), ?, n, 'Filler'
                    FROM generate_series(0, 14999) n""", UUID.randomUUID().toString());
            long written = head();
            assertThat(written - open).as("further than Axon's default gap offset").isGreaterThan(10_000);
            boolean processed = false;
            for (int wait = 0; wait < 10 && !processed; wait++) {
                processed = readYourWrites.awaitPosition(written);
            }
            assertThat(processed).as("the later events are processed").isTrue();
            held.commit();
        }
        JsonNode clients = get("/api/clients?q=late", agency.token(), open);
        assertThat(clients.get("items").findValuesAsText("id")).containsExactly(lateClient.toString());
    }

    @Test
    void queriesNeedAValidToken() throws Exception {
        assertThat(send("/api/clients", null, Map.of()).statusCode()).isEqualTo(401);
        assertThat(send("/api/clients", "not-a-jwt", Map.of()).statusCode()).isEqualTo(401);
        Agency agency = agencyWithClients("bad-input");
        assertThat(send("/api/clients?size=201", agency.token(), Map.of()).statusCode()).isEqualTo(400);
        assertThat(send("/api/clients?status=deleted", agency.token(), Map.of()).statusCode()).isEqualTo(400);
        assertThat(send("/api/clients/not-a-uuid", agency.token(), Map.of()).statusCode()).isEqualTo(400);
    }

    @Test
    void rebuildingFromTheEventStoreYieldsIdenticalReadModels() throws Exception {
        agencyWithClients("rebuild", "One", "Two", "Three");
        assertThat(readYourWrites.awaitPosition(head())).isTrue();
        List<Map<String, Object>> clientsBefore = dump("query.clients_view", "client_id");
        List<Map<String, Object>> usersBefore = dump("query.users_view", "user_id");

        rebuild("clients", "team");
        assertThat(dump("query.clients_view", "client_id")).isEqualTo(clientsBefore);
        assertThat(dump("query.users_view", "user_id")).isEqualTo(usersBefore);
    }
}
