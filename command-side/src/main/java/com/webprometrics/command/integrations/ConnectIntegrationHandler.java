package com.webprometrics.command.integrations;

import com.webprometrics.command.auth.Agency;
import com.webprometrics.command.clients.ActiveClients;
import com.webprometrics.command.integrations.IntegrationCommands.ConnectIntegration;
import com.webprometrics.events.catalogue.ProviderInfo;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Connecting asks the client aggregate (never a read model) whether the client is the caller's and still
 * active, takes the agency's time zone from the agency aggregate, checks that this installation can connect
 * the provider and that the client has not connected the same provider account yet, then creates the integration
 * — in one unit of work. Its schedule, directory entry and account claim follow from the events.
 */
@Component
class ConnectIntegrationHandler {
    private final ActiveClients activeClients;
    private final Repository<Agency> agencies;
    private final Repository<Integration> integrations;
    private final ConnectableProviders providers;
    private final ConnectedAccounts accounts;

    ConnectIntegrationHandler(ActiveClients activeClients,
                              @Qualifier("agencyRepository") Repository<Agency> agencies,
                              @Qualifier("integrationRepository") Repository<Integration> integrations,
                              ConnectableProviders providers, ConnectedAccounts accounts) {
        this.activeClients = activeClients;
        this.agencies = agencies;
        this.integrations = integrations;
        this.providers = providers;
        this.accounts = accounts;
    }

    @CommandHandler
    void handle(ConnectIntegration command) throws Exception {
        activeClients.require(command.clientId(), command.agencyId(), "integrations");
        ProviderInfo provider = providers.require(command.provider());
        String timeZone = agencies.load(command.agencyId().toString()).invoke(Agency::timeZone);
        if (provider.fetched()) {
            accounts.requireFree(command.clientId(), provider, command.settings() == null ? Map.of() : command.settings());
        }
        integrations.newInstance(() -> new Integration(command, timeZone));
    }
}
