package com.webprometrics.command.clients;

import com.webprometrics.command.clients.ClientCommands.ArchiveClient;
import com.webprometrics.command.clients.ClientCommands.CreateClient;
import com.webprometrics.command.clients.ClientCommands.RestoreClient;
import com.webprometrics.command.clients.ClientCommands.UpdateClientDetails;
import com.webprometrics.events.clients.ClientArchived;
import com.webprometrics.events.clients.ClientCreated;
import com.webprometrics.events.clients.ClientDetailsUpdated;
import com.webprometrics.events.clients.ClientRestored;
import com.webprometrics.platform.domain.DomainException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ClientTest {
    private static final UUID CLIENT = UUID.randomUUID();
    private static final UUID AGENCY = UUID.randomUUID();

    private final CountingQuota quota = new CountingQuota(2);
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
    void creatingAClientTakesOneSlotOfThePlan() {
        fixture.givenNoPriorActivity()
                .when(new CreateClient(CLIENT, AGENCY, new ClientDetails("Acme Bakery", "https://acme.test", "Food", null, null)))
                .expectEvents(created());
        assertThat(quota.used).isEqualTo(1);
    }

    @Test
    void noClientBeyondThePlanLimit() {
        quota.used = 2;
        fixture.givenNoPriorActivity()
                .when(new CreateClient(CLIENT, AGENCY, new ClientDetails("Too many", null, null, null, null)))
                .expectException(ClientLimitReached.class)
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
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void archivingFreesThePlanSlot() {
        quota.used = 1;
        fixture.given(created())
                .when(new ArchiveClient(CLIENT, AGENCY))
                .expectEvents(new ClientArchived(CLIENT, AGENCY));
        assertThat(quota.used).isZero();
    }

    @Test
    void aClientCannotBeArchivedTwice() {
        fixture.given(created(), new ClientArchived(CLIENT, AGENCY))
                .when(new ArchiveClient(CLIENT, AGENCY))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void restoringNeedsAFreeSlot() {
        quota.used = 2;
        fixture.given(created(), new ClientArchived(CLIENT, AGENCY))
                .when(new RestoreClient(CLIENT, AGENCY))
                .expectException(ClientLimitReached.class)
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
                .expectException(DomainException.class);
    }

    @Test
    void anotherAgencySeesNoSuchClient() {
        fixture.given(created())
                .when(new ArchiveClient(CLIENT, UUID.randomUUID()))
                .expectExceptionMessage("The client was not found.")
                .expectNoEvents();
    }

    @Test
    void aClientKeepsAName() {
        Map<String, String> changes = new HashMap<>();
        changes.put("name", " ");
        fixture.given(created())
                .when(new UpdateClientDetails(CLIENT, AGENCY, changes))
                .expectException(DomainException.class);
    }

    static class CountingQuota implements ClientQuota {
        final int limit;
        int used;

        CountingQuota(int limit) {
            this.limit = limit;
        }

        @Override
        public void open(UUID agencyId, int clientLimit) {
        }

        @Override
        public void reserve(UUID agencyId) {
            if (used >= limit) {
                throw new ClientLimitReached();
            }
            used++;
        }

        @Override
        public void release(UUID agencyId) {
            used--;
        }
    }
}
