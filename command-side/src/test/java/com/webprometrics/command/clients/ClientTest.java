package com.webprometrics.command.clients;

import com.webprometrics.command.clients.ClientCommands.ArchiveClient;
import com.webprometrics.command.clients.ClientCommands.CreateClient;
import com.webprometrics.command.clients.ClientCommands.RestoreClient;
import com.webprometrics.command.clients.ClientCommands.UpdateClientDetails;
import com.webprometrics.events.clients.ClientArchived;
import com.webprometrics.events.clients.ClientCreated;
import com.webprometrics.events.clients.ClientDetailsUpdated;
import com.webprometrics.events.clients.ClientRestored;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static com.webprometrics.command.support.Rejected.rejected;
import static org.assertj.core.api.Assertions.assertThat;

class ClientTest {
    private static final UUID CLIENT = UUID.randomUUID();
    private static final UUID AGENCY = UUID.randomUUID();

    private final FixedQuota quota = new FixedQuota();
    private AggregateTestFixture<Client> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Client.class);
        fixture.registerInjectableResource(quota);
    }

    private static ClientCreated created() {
        return new ClientCreated(CLIENT, AGENCY, "Acme Bakery", "https://acme.test", "Food", null, null);
    }

    @Test
    void creatingAClientAsksThePlanForRoom() {
        fixture.givenNoPriorActivity()
                .when(new CreateClient(CLIENT, AGENCY, new ClientDetails("Acme Bakery", "https://acme.test", "Food", null, null)))
                .expectEvents(created());
        assertThat(quota.asked).isEqualTo(1);
    }

    @Test
    void noClientBeyondThePlanLimit() {
        quota.full = true;
        fixture.givenNoPriorActivity()
                .when(new CreateClient(CLIENT, AGENCY, new ClientDetails("Too many", null, null, null, null)))
                .expectException(rejected(ClientRejection.LIMIT_REACHED))
                .expectNoEvents();
    }

    @Test
    void aPatchChangesOnlyTheNamedFields() {
        Map<String, String> changes = new HashMap<>();
        changes.put("name", "Acme Bakery & Café");
        changes.put("website", null);
        fixture.given(created())
                .when(new UpdateClientDetails(CLIENT, AGENCY, changes))
                .expectEvents(new ClientDetailsUpdated(CLIENT, AGENCY, "Acme Bakery & Café", null, "Food", null, null));
    }

    @Test
    void aPatchThatChangesNothingRecordsNothing() {
        fixture.given(created())
                .when(new UpdateClientDetails(CLIENT, AGENCY, Map.of("name", "Acme Bakery")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void archivedClientCannotBeRenamed() {
        fixture.given(created(), new ClientArchived(CLIENT, AGENCY))
                .when(new UpdateClientDetails(CLIENT, AGENCY, Map.of("name", "New name")))
                .expectException(rejected(ClientRejection.ARCHIVED))
                .expectNoEvents();
    }

    @Test
    void archivingNeedsNoRoom() {
        quota.full = true;
        fixture.given(created())
                .when(new ArchiveClient(CLIENT, AGENCY))
                .expectEvents(new ClientArchived(CLIENT, AGENCY));
    }

    @Test
    void aClientCannotBeArchivedTwice() {
        fixture.given(created(), new ClientArchived(CLIENT, AGENCY))
                .when(new ArchiveClient(CLIENT, AGENCY))
                .expectException(rejected(ClientRejection.ALREADY_ARCHIVED))
                .expectNoEvents();
    }

    @Test
    void restoringNeedsAFreeSlot() {
        quota.full = true;
        fixture.given(created(), new ClientArchived(CLIENT, AGENCY))
                .when(new RestoreClient(CLIENT, AGENCY))
                .expectException(rejected(ClientRejection.LIMIT_REACHED))
                .expectNoEvents();
    }

    @Test
    void restoringBringsTheClientBack() {
        fixture.given(created(), new ClientArchived(CLIENT, AGENCY))
                .when(new RestoreClient(CLIENT, AGENCY))
                .expectEvents(new ClientRestored(CLIENT, AGENCY));
    }

    @Test
    void onlyArchivedClientsCanBeRestored() {
        fixture.given(created())
                .when(new RestoreClient(CLIENT, AGENCY))
                .expectException(rejected(ClientRejection.NOT_ARCHIVED));
    }

    @Test
    void anotherAgencySeesNoSuchClient() {
        fixture.given(created())
                .when(new ArchiveClient(CLIENT, UUID.randomUUID()))
                .expectException(rejected(ClientRejection.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void aClientKeepsAName() {
        Map<String, String> changes = new HashMap<>();
        changes.put("name", " ");
        fixture.given(created())
                .when(new UpdateClientDetails(CLIENT, AGENCY, changes))
                .expectException(rejected(ClientRejection.NAME_REQUIRED));
    }

    /** The plan's answer; the counting itself is {@code ClientQuotaTable}'s, tested against PostgreSQL. */
    static class FixedQuota implements ClientQuota {
        boolean full;
        int asked;

        @Override
        public void requireRoom(UUID agencyId) {
            asked++;
            if (full) {
                throw ClientRejection.LIMIT_REACHED.get();
            }
        }

        @Override
        public boolean fits(UUID agencyId, int limit) {
            return !full;
        }
    }
}
