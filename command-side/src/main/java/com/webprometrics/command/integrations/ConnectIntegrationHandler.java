package com.webprometrics.command.integrations;

import com.webprometrics.command.clients.Client;
import com.webprometrics.command.integrations.IntegrationCommands.ConnectIntegration;
import com.webprometrics.platform.domain.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Connecting asks the client aggregate (never a read model) whether the client is the caller's and still
 * active, then creates the integration — in one unit of work, with the client loaded (and locked).
 */
@Component
class ConnectIntegrationHandler {
    private final Repository<Client> clients;
    private final Repository<Integration> integrations;

    ConnectIntegrationHandler(@Qualifier("clientRepository") Repository<Client> clients,
                              @Qualifier("integrationRepository") Repository<Integration> integrations) {
        this.clients = clients;
        this.integrations = integrations;
    }

    @CommandHandler
    void handle(ConnectIntegration command) throws Exception {
        Aggregate<Client> client;
        try {
            client = clients.load(command.clientId().toString());
        } catch (AggregateNotFoundException e) {
            throw DomainException.notFound("The client");
        }
        if (!client.invoke(c -> c.belongsTo(command.agencyId()))) {
            throw DomainException.notFound("The client");
        }
        if (client.invoke(Client::archived)) {
            throw new DomainException(DomainException.Kind.CONFLICT, "Client archived",
                    "An archived client cannot get new integrations; restore it first.");
        }
        integrations.newInstance(() -> new Integration(command));
    }
}
