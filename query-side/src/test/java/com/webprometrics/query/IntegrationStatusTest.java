package com.webprometrics.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.webprometrics.events.auth.AgencyRegistered;
import com.webprometrics.events.clients.ClientCreated;
import com.webprometrics.events.integrations.IntegrationAuthorizationFailed;
import com.webprometrics.events.integrations.IntegrationAuthorized;
import com.webprometrics.events.integrations.IntegrationRequested;
import com.webprometrics.events.integrations.IntegrationSyncFailed;
import com.webprometrics.events.integrations.IntegrationSyncStarted;
import com.webprometrics.events.integrations.IntegrationSyncSucceeded;
import com.webprometrics.query.support.TestTokens;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The life of an OAuth integration as {@code GET /api/clients/{id}/integrations} shows it. */
class IntegrationStatusTest extends QuerySideTestContext {
    private static final LocalDate DAY = LocalDate.parse("2025-03-10");

    @Autowired
    EventStore eventStore;

    private final Map<UUID, Long> sequences = new HashMap<>();
    private final UUID agency = UUID.randomUUID();
    private final UUID client = UUID.randomUUID();
    private final UUID integration = UUID.randomUUID();
    private String token;

    private void tenant() {
        UUID owner = UUID.randomUUID();
        publish("Agency", agency, new AgencyRegistered(agency, "OAuth agency", owner, "starter", 10, "Europe/Berlin"));
        publish("Client", client, new ClientCreated(client, agency, "OAuth client", null, null, null, null));
        token = TestTokens.get().token(owner, agency, "VIEWER");
    }

    private long publish(String type, UUID aggregateId, Object payload) {
        long sequence = sequences.merge(aggregateId, 0L, (old, zero) -> old + 1);
        eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId.toString(), sequence, payload));
        return head();
    }

    private JsonNode integrationAfter(long position) throws Exception {
        JsonNode list = get("/api/clients/" + client + "/integrations", token, position);
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    @Test
    void anOAuthIntegrationIsPendingThenConnectedThenAsksForReconnectThenRecovers() throws Exception {
        tenant();
        JsonNode pending = integrationAfter(publish("Integration", integration, new IntegrationRequested(integration, agency,
                client, "ga4", "Shop property", Map.of("propertyId", "412345678"), "Europe/Berlin")));
        assertThat(pending.get("status").asText()).isEqualTo("pending");
        assertThat(pending.get("accountName").asText()).isEqualTo("Shop property");
        assertThat(pending.get("lastSyncAt").isNull()).isTrue();

        JsonNode connected = integrationAfter(publish("Integration", integration, new IntegrationAuthorized(integration, agency,
                client, "ga4", List.of("https://www.googleapis.com/auth/analytics.readonly"), null)));
        assertThat(connected.get("status").asText()).isEqualTo("connected");

        UUID sync = UUID.randomUUID();
        publish("Integration", integration, new IntegrationSyncStarted(integration, agency, client, "ga4", sync, DAY, DAY,
                "connect"));
        JsonNode revoked = integrationAfter(publish("Integration", integration, new IntegrationSyncFailed(integration, agency,
                client, "ga4", sync, "auth", "authorization revoked or expired, reconnect")));
        assertThat(revoked.get("status").asText()).isEqualTo("error");
        assertThat(revoked.get("lastError").asText()).isEqualTo("authorization revoked or expired, reconnect");
        assertThat(revoked.get("lastSyncAt").isNull()).isFalse();

        JsonNode reconnected = integrationAfter(publish("Integration", integration, new IntegrationAuthorized(integration,
                agency, client, "ga4", List.of("https://www.googleapis.com/auth/analytics.readonly"), null)));
        assertThat(reconnected.get("status").asText()).isEqualTo("connected");
        assertThat(reconnected.get("lastError").isNull()).isTrue();

        UUID again = UUID.randomUUID();
        publish("Integration", integration, new IntegrationSyncStarted(integration, agency, client, "ga4", again, DAY, DAY,
                "manual"));
        JsonNode synced = integrationAfter(publish("Integration", integration, new IntegrationSyncSucceeded(integration,
                agency, client, "ga4", again, DAY, DAY, 1, "EUR", "Europe/Berlin")));
        assertThat(synced.get("status").asText()).isEqualTo("connected");

        List<Map<String, Object>> before = dump("query.integrations_view", "integration_id");
        rebuild("integrations");
        assertThat(dump("query.integrations_view", "integration_id")).isEqualTo(before);
    }

    @Test
    void aDeclinedAuthorizationShowsOnAPendingIntegration() throws Exception {
        tenant();
        publish("Integration", integration, new IntegrationRequested(integration, agency, client, "meta-ads", "Meta Ads",
                Map.of("adAccountId", "act_1"), null));
        JsonNode declined = integrationAfter(publish("Integration", integration, new IntegrationAuthorizationFailed(
                integration, agency, client, "meta-ads", "access_denied", "Access was not granted at Meta Ads; connect again to retry.")));
        assertThat(declined.get("status").asText()).isEqualTo("error");
        assertThat(declined.get("lastError").asText()).startsWith("Access was not granted");
    }
}
