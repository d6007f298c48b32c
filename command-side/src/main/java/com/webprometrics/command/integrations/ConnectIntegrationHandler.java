package com.webprometrics.command.integrations;

import com.webprometrics.command.clients.Client;
import com.webprometrics.command.integrations.IntegrationCommands.ConnectIntegration;
import com.webprometrics.events.catalogue.ProviderInfo;
import com.webprometrics.platform.domain.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/**
 * Connecting asks the client aggregate (never a read model) whether the client is the caller's and still
 * active, then creates the integration — in one unit of work, with the client loaded (and locked).
 */
@Component
class ConnectIntegrationHandler {
    private final Repository<Client> clients;
    private final Repository<Integration> integrations;
    private final SyncSchedule schedule;
    private final Clock clock;
    private final Duration interval;

    ConnectIntegrationHandler(@Qualifier("clientRepository") Repository<Client> clients,
                              @Qualifier("integrationRepository") Repository<Integration> integrations,
                              SyncSchedule schedule, Clock clock,
                              @Value("${wpm.integrations.sync-interval}") Duration interval) {
        this.clients = clients;
        this.integrations = integrations;
        this.schedule = schedule;
        this.clock = clock;
        this.interval = interval;
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
        if (Providers.find(command.provider()).map(ProviderInfo::fetched).orElse(false)) {
            schedule.add(command.integrationId(), command.agencyId(), clock.instant().plus(interval));
        }
    }
}
