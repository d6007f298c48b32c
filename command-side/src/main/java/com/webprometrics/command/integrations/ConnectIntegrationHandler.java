package com.webprometrics.command.integrations;

import com.webprometrics.command.auth.Agency;
import com.webprometrics.command.clients.ActiveClients;
import com.webprometrics.command.integrations.IntegrationCommands.ConnectIntegration;
import com.webprometrics.events.catalogue.ProviderInfo;
import com.webprometrics.platform.domain.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Connecting asks the client aggregate (never a read model) whether the client is the caller's and still
 * active, takes the agency's time zone from the agency aggregate, checks that this installation can connect
 * the provider and that the client has not connected the same provider account yet, then creates the integration
 * — in one unit of work. Demo data is scheduled at once; OAuth
 * integrations are scheduled when they are authorized.
 */
@Component
class ConnectIntegrationHandler {
    private final ActiveClients activeClients;
    private final Repository<Agency> agencies;
    private final Repository<Integration> integrations;
    private final ConnectableProviders providers;
    private final SyncSchedule schedule;
    private final ConnectedAccounts accounts;
    private final Clock clock;
    private final Duration interval;

    ConnectIntegrationHandler(ActiveClients activeClients,
                              @Qualifier("agencyRepository") Repository<Agency> agencies,
                              @Qualifier("integrationRepository") Repository<Integration> integrations,
                              ConnectableProviders providers, SyncSchedule schedule, ConnectedAccounts accounts,
                              Clock clock,
                              @Value("${wpm.integrations.sync-interval}") Duration interval) {
        this.activeClients = activeClients;
        this.agencies = agencies;
        this.integrations = integrations;
        this.providers = providers;
        this.schedule = schedule;
        this.accounts = accounts;
        this.clock = clock;
        this.interval = interval;
    }

    @CommandHandler
    void handle(ConnectIntegration command) throws Exception {
        activeClients.require(command.clientId(), command.agencyId(), "integrations");
        ProviderInfo provider = providers.require(command.provider());
        String timeZone = agencies.load(command.agencyId().toString()).invoke(Agency::timeZone);
        if (provider.fetched() && !accounts.claim(command.integrationId(), command.clientId(), provider.key(),
                ConnectedAccounts.accountOf(command.settings() == null ? Map.of() : command.settings()))) {
            throw new DomainException(DomainException.Kind.CONFLICT, "Already connected", "This client already has "
                    + "a " + provider.name() + " integration for this account; sync or reconnect that one instead.");
        }
        integrations.newInstance(() -> new Integration(command, timeZone));
        if (provider.fetched() && !Providers.authorizedByOAuth(provider)) {
            schedule.add(command.integrationId(), command.agencyId(), clock.instant().plus(interval));
        }
    }
}
