package com.webprometrics.command.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webprometrics.command.auth.AuthService;
import com.webprometrics.command.support.PostgresDatabase;
import com.webprometrics.events.auth.UserRegistered;
import com.webprometrics.events.clients.ClientCreated;
import com.webprometrics.events.privacy.PersonalDataErased;
import com.webprometrics.platform.privacy.PersonalDataCipher;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal data is stored sealed under its subject's key and read back in clear by every reader of the event store;
 * an erasure destroys the key, records who erased what and why, and from then on the data reads as erased, while
 * nothing else of the events changes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wpm.billing.plans.starter.client-limit=3", "wpm.billing.plans.starter.seat-limit=3",
                "wpm.integrations.schedule-check=1h"})
class PersonalDataIntegrationTest {
    private static final String PASSWORD = "a long enough passphrase";
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry);
    }

    @Autowired
    AuthService auth;
    @Autowired
    EventStore events;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void personalFieldsAreStoredSealedAndEveryReaderGetsThemInClear() throws Exception {
        String email = "owner-" + UUID.randomUUID() + "@agency.test";
        AuthService.Tokens owner = auth.signUp("Sealed Agency", "Olive Owner", email, PASSWORD, ZoneId.of("UTC"));
        HttpResponse<String> created = call("POST", "/api/clients", owner.accessToken(),
                "{\"name\":\"Acme Ltd\",\"contactEmail\":\"jane@acme.test\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String clientId = JSON.readTree(created.body()).get("id").asText();

        String storedClient = storedPayload(clientId, 0);
        assertThat(storedClient).doesNotContain("jane@acme.test").contains(PersonalDataCipher.PREFIX + "client-contact:" + clientId)
                .contains("Acme Ltd");
        String storedUser = storedPayload(owner.userId().toString(), 0);
        assertThat(storedUser).doesNotContain(email).doesNotContain("Olive Owner");
        String storedMetadata = new String(jdbc.queryForObject("SELECT meta_data FROM event_store.domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = 0", byte[].class, clientId), StandardCharsets.UTF_8);
        assertThat(storedMetadata).contains(PersonalDataCipher.PREFIX + "user:" + owner.userId()).doesNotContain("127.0.0.1");

        ClientCreated read = (ClientCreated) events.readEvents(clientId, 0).next().getPayload();
        assertThat(read.contactEmail()).isEqualTo("jane@acme.test");
        DomainEventMessage<?> registered = events.readEvents(owner.userId().toString(), 0).next();
        assertThat(((UserRegistered) registered.getPayload()).email()).isEqualTo(email);
        assertThat(((UserRegistered) registered.getPayload()).name()).isEqualTo("Olive Owner");
    }

    @Test
    void erasingADeactivatedMemberDestroysTheirKeysAndLeavesARecord() throws Exception {
        AuthService.Tokens owner = auth.signUp("Erasing Agency", "Owen Owner", "owner-" + UUID.randomUUID() + "@agency.test",
                PASSWORD, ZoneId.of("UTC"));
        String memberEmail = "member-" + UUID.randomUUID() + "@agency.test";
        JsonNode invitation = JSON.readTree(call("POST", "/api/team/invitations", owner.accessToken(),
                "{\"email\":\"%s\",\"role\":\"ANALYST\"}".formatted(memberEmail)).body());
        AuthService.Tokens member = auth.acceptInvitation(invitation.get("inviteToken").asText(), "Mel Member", PASSWORD);
        String memberId = member.userId().toString();

        HttpResponse<String> active = erase(owner.accessToken(), "user", memberId, "asked to be forgotten");
        assertThat(active.statusCode()).as(active.body()).isEqualTo(409);
        assertThat(active.body()).contains("privacy-member-active");
        assertThat(call("DELETE", "/api/team/" + memberId, owner.accessToken(), null).statusCode()).isEqualTo(200);
        assertThat(erase(member.accessToken(), "user", memberId, "me").statusCode()).isEqualTo(403);
        assertThat(erase(owner.accessToken(), "planet", memberId, "x").statusCode()).isEqualTo(400);
        assertThat(erase(owner.accessToken(), "user", memberId, " ").statusCode()).isEqualTo(400);
        long eventsBefore = count();

        HttpResponse<String> erased = erase(owner.accessToken(), "user", memberId, "asked to be forgotten (Art. 17)");
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(202);
        assertThat(JSON.readTree(erased.body()).get("position").asLong()).isPositive();
        assertThat(count()).isEqualTo(eventsBefore + 1);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM privacy.subject_keys WHERE subject IN (?, ?)", Long.class,
                "user:" + memberId, "invitation:" + invitation.get("invitationId").asText())).isZero();
        List<? extends DomainEventMessage<?>> history = events.readEvents(memberId, 0).asStream().toList();
        UserRegistered registered = (UserRegistered) history.get(0).getPayload();
        assertThat(registered.email()).isEqualTo(PersonalDataCipher.ERASED);
        assertThat(registered.name()).isEqualTo(PersonalDataCipher.ERASED);
        assertThat(registered.role()).isEqualTo("ANALYST");
        PersonalDataErased record = (PersonalDataErased) history.get(history.size() - 1).getPayload();
        assertThat(record.reason()).isEqualTo("asked to be forgotten (Art. 17)");
        assertThat(record.requestedBy()).isEqualTo(owner.userId());
        assertThat(record.subjects()).containsExactly("user:" + memberId, "invitation:" + invitation.get("invitationId").asText());
        assertThat(history.get(history.size() - 1).getMetaData().get("userId")).isEqualTo(owner.userId().toString());
        // the owner's own data is untouched, and the address may sign up again
        UserRegistered ownerRegistered = (UserRegistered) events.readEvents(owner.userId().toString(), 0).next().getPayload();
        assertThat(ownerRegistered.name()).isEqualTo("Owen Owner");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM command.credentials WHERE lower(email) = lower(?)", Long.class,
                memberEmail)).isZero();

        assertThat(erase(owner.accessToken(), "user", memberId, "again").statusCode()).isEqualTo(409);
        assertThat(erase(owner.accessToken(), "user", UUID.randomUUID().toString(), "nobody").statusCode()).isEqualTo(404);
    }

    @Test
    void aClientContactIsErasedWhileTheClientLivesOnAndANewContactIsReadable() throws Exception {
        AuthService.Tokens owner = auth.signUp("Contact Agency", "Cora Owner", "owner-" + UUID.randomUUID() + "@agency.test",
                PASSWORD, ZoneId.of("UTC"));
        String clientId = JSON.readTree(call("POST", "/api/clients", owner.accessToken(),
                "{\"name\":\"Contact Co\",\"contactEmail\":\"old@contact.test\"}").body()).get("id").asText();
        AuthService.Tokens other = auth.signUp("Other Agency", "Otto", "other-" + UUID.randomUUID() + "@agency.test",
                PASSWORD, ZoneId.of("UTC"));
        assertThat(erase(other.accessToken(), "client-contact", clientId, "not mine").statusCode()).isEqualTo(404);

        assertThat(erase(owner.accessToken(), "client-contact", clientId, "contact left").statusCode()).isEqualTo(202);
        ClientCreated created = (ClientCreated) events.readEvents(clientId, 0).next().getPayload();
        assertThat(created.contactEmail()).isEqualTo(PersonalDataCipher.ERASED);
        assertThat(created.name()).isEqualTo("Contact Co");

        assertThat(call("PATCH", "/api/clients/" + clientId, owner.accessToken(),
                "{\"contactEmail\":\"new@contact.test\"}").statusCode()).isEqualTo(200);
        List<? extends DomainEventMessage<?>> history = events.readEvents(clientId, 0).asStream().toList();
        Object latest = history.get(history.size() - 1).getPayload();
        assertThat(latest.toString()).contains("new@contact.test").doesNotContain("old@contact.test");
    }

    private long count() {
        return jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry", Long.class);
    }

    private String storedPayload(String aggregateId, long sequence) {
        return new String(jdbc.queryForObject("SELECT payload FROM event_store.domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = ?", byte[].class, aggregateId, sequence),
                StandardCharsets.UTF_8);
    }

    private HttpResponse<String> erase(String token, String type, String id, String reason) throws Exception {
        return call("POST", "/api/privacy/erasures", token, JSON.writeValueAsString(
                java.util.Map.of("subjectType", type, "subjectId", id, "reason", reason)));
    }

    private HttpResponse<String> call(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
