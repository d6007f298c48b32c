package com.webprometrics.command.clients;

import com.webprometrics.command.clients.ClientCommands.ArchiveClient;
import com.webprometrics.command.clients.ClientCommands.CreateClient;
import com.webprometrics.command.clients.ClientCommands.RestoreClient;
import com.webprometrics.command.clients.ClientCommands.UpdateClientDetails;
import com.webprometrics.command.privacy.PrivacyCommands;
import com.webprometrics.command.privacy.PrivacyRejection;
import com.webprometrics.events.clients.ClientArchived;
import com.webprometrics.events.clients.ClientCreated;
import com.webprometrics.events.clients.ClientDetailsUpdated;
import com.webprometrics.events.clients.ClientRestored;
import com.webprometrics.events.privacy.PersonalDataErased;
import com.webprometrics.platform.privacy.PersonalDataCipher;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An agency's client. Archived clients keep their history but cannot be edited until restored. */
@Aggregate(snapshotTriggerDefinition = "snapshotEveryN", cache = "clientCache")
public class Client {
    @AggregateIdentifier
    private UUID clientId;
    private UUID agencyId;
    private ClientDetails details;
    private boolean archived;

    protected Client() {
    }

    @CommandHandler
    Client(CreateClient command, ClientQuota quota) {
        quota.requireRoom(command.agencyId());
        ClientDetails d = command.details();
        apply(new ClientCreated(command.clientId(), command.agencyId(), d.name(), d.website(), d.industry(),
                d.contactEmail(), d.notes()));
    }

    @CommandHandler
    void handle(UpdateClientDetails command) {
        requireSameAgency(command.agencyId());
        if (archived) {
            throw ClientRejection.ARCHIVED.get();
        }
        ClientDetails next = details.patchedWith(command.changes());
        if (next.name() == null || next.name().isBlank()) {
            throw ClientRejection.NAME_REQUIRED.get();
        }
        if (next.sameAs(details)) {
            return;
        }
        apply(new ClientDetailsUpdated(clientId, agencyId, next.name(), next.website(), next.industry(),
                next.contactEmail(), next.notes()));
    }

    /** The contact's e-mail (and the report recipients kept under the same key) read as erased from now on. */
    @CommandHandler
    void handle(PrivacyCommands.EraseClientContact command) {
        if (!command.agencyId().equals(agencyId)) {
            throw PrivacyRejection.NOT_FOUND.get();
        }
        apply(new PersonalDataErased(command.erasureId(), command.agencyId(), "client-contact", command.clientId(),
                List.of("client-contact:" + command.clientId()), command.reason(), command.requestedBy()));
    }

    @CommandHandler
    void handle(ArchiveClient command) {
        requireSameAgency(command.agencyId());
        if (archived) {
            throw ClientRejection.ALREADY_ARCHIVED.get();
        }
        apply(new ClientArchived(clientId, agencyId));
    }

    @CommandHandler
    void handle(RestoreClient command, ClientQuota quota) {
        requireSameAgency(command.agencyId());
        if (!archived) {
            throw ClientRejection.NOT_ARCHIVED.get();
        }
        quota.requireRoom(agencyId);
        apply(new ClientRestored(clientId, agencyId));
    }

    /** For other aggregates' handlers (e.g. connecting an integration): is this the agency's client? */
    public boolean belongsTo(UUID agency) {
        return agencyId.equals(agency);
    }

    public boolean archived() {
        return archived;
    }

    /** Another agency's client does not exist as far as the caller can tell. */
    private void requireSameAgency(UUID agency) {
        if (!agencyId.equals(agency)) {
            throw ClientRejection.NOT_FOUND.get();
        }
    }

    @EventSourcingHandler
    void on(ClientCreated event) {
        clientId = event.clientId();
        agencyId = event.agencyId();
        details = new ClientDetails(event.name(), event.website(), event.industry(), contact(event.contactEmail()),
                event.notes());
    }

    @EventSourcingHandler
    void on(ClientDetailsUpdated event) {
        details = new ClientDetails(event.name(), event.website(), event.industry(), contact(event.contactEmail()),
                event.notes());
    }

    /** The contact is gone: a later update does not carry the erased marker forward as if it were an address. */
    @EventSourcingHandler
    void on(PersonalDataErased event) {
        details = new ClientDetails(details.name(), details.website(), details.industry(), null, details.notes());
    }

    /** Loaded after an erasure, the address reads as erased: it is no address. */
    private static String contact(String email) {
        return PersonalDataCipher.ERASED.equals(email) ? null : email;
    }

    @EventSourcingHandler
    void on(ClientArchived event) {
        archived = true;
    }

    @EventSourcingHandler
    void on(ClientRestored event) {
        archived = false;
    }
}
