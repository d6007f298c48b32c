package com.webprometrics.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webprometrics.events.clients.ClientCreated;
import com.webprometrics.query.infra.ReadYourWrites;
import com.webprometrics.query.support.PostgresDatabase;
import com.webprometrics.query.support.TestTokens;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one application context every query-side integration test shares. Two live contexts on one database
 * would run two copies of every tracking processor (with the same token owner name), so each test class
 * extends this instead of declaring its own properties.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class QuerySideTestContext {
    protected static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    protected JdbcTemplate jdbc;
    @LocalServerPort
    protected int port;

    @Autowired
    protected ReadYourWrites readYourWrites;
    @Autowired
    protected EventProcessingConfiguration processing;

    private final HttpClient http = HttpClient.newHttpClient();

    /** The global position of the newest event in the store. */
    protected long head() {
        return jdbc.queryForObject("SELECT max(global_index) FROM event_store.domain_event_entry", Long.class);
    }

    /** What Axon writes for {@code ClientCreated}, inserted on a connection whose transaction the test holds open. */
    protected long appendUncommitted(Connection connection, UUID clientId, UUID agencyId) throws Exception {
        String payload = JSON.writeValueAsString(new ClientCreated(clientId, agencyId, "Late", null, null, null, null));
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO event_store.domain_event_entry (event_identifier, meta_data, payload, payload_type,
                    time_stamp, aggregate_identifier, sequence_number, type)
                VALUES (?, convert_to('{}', 'UTF8'), convert_to(?, 'UTF8'), ?, ?, ?, 0, 'Client')
                RETURNING global_index""")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, payload);
            insert.setString(3, ClientCreated.class.getName());
            insert.setString(4, java.time.Instant.now().toString());
            insert.setString(5, clientId.toString());
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** Replays the named processors from the first event, as ops would, and waits until they are back at the head. */
    protected void rebuild(String... processors) {
        for (String name : processors) {
            StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
            processor.shutDown();
            processor.resetTokens(source -> source.createTailToken());
            processor.start();
        }
        assertThat(readYourWrites.awaitPosition(head())).as("caught up after rebuilding").isTrue();
    }

    @DynamicPropertySource
    static void setUp(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry);
        registry.add("wpm.auth.jwks-url", () -> TestTokens.get().jwksUrl());
    }

    /** A whole read model, in key order, to compare before and after a rebuild. */
    protected List<Map<String, Object>> dump(String table, String key) {
        return jdbc.queryForList("SELECT * FROM " + table + " ORDER BY " + key);
    }

    /** GET that must answer 200, optionally waiting for a position; the body as JSON. */
    protected JsonNode get(String path, String token, Long minPosition) throws Exception {
        HttpResponse<String> response = send(path, token,
                minPosition == null ? Map.of() : Map.of("X-Min-Position", String.valueOf(minPosition)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** POST without a body. */
    protected HttpResponse<String> post(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> send(String path, String token, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
