package com.webprometrics.command.clients;

import com.webprometrics.platform.domain.DomainException;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * For handlers that give a client something new (an integration, a report): the client must be the caller's
 * agency's and active. Asks the {@link Client} aggregate, never a read model, inside the handler's unit of work.
 */
@Component
public class ActiveClients {
    private final Repository<Client> clients;

    public ActiveClients(@Qualifier("clientRepository") Repository<Client> clients) {
        this.clients = clients;
    }

    /**
     * @param what what the client would get, for the message ("integrations", "reports")
     * @throws DomainException not found for an unknown or another agency's client; conflict when archived
     */
    public void require(UUID clientId, UUID agencyId, String what) {
        Aggregate<Client> client;
        try {
            client = clients.load(clientId.toString());
        } catch (AggregateNotFoundException e) {
            throw ClientRejection.NOT_FOUND.get();
        }
        if (!client.invoke(c -> c.belongsTo(agencyId))) {
            throw ClientRejection.NOT_FOUND.get();
        }
        if (client.invoke(Client::archived)) {
            throw ClientRejection.ARCHIVED.because("An archived client cannot get new " + what + "; restore it first.");
        }
    }
}
