package com.webprometrics.command.integrations;

import com.webprometrics.command.infra.EventPositions;
import com.webprometrics.command.integrations.IntegrationCommands.CheckReconnect;
import com.webprometrics.command.integrations.IntegrationCommands.ConnectIntegration;
import com.webprometrics.command.integrations.IntegrationCommands.DisconnectIntegration;
import com.webprometrics.command.integrations.IntegrationCommands.Reconnectable;
import com.webprometrics.command.integrations.oauth.Grants;
import com.webprometrics.command.integrations.oauth.OAuthFlows;
import com.webprometrics.command.integrations.oauth.OAuthTokens;
import com.webprometrics.events.catalogue.ProviderInfo;
import com.webprometrics.platform.security.CurrentUser;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Connecting, reconnecting and disconnecting, around the integration's commands: settings are checked by the
 * provider's connector first; OAuth providers get an authorization round trip; demo data starts its first sync
 * at once; a disconnect destroys the stored grant in its own transaction and then asks the provider to forget
 * it (best effort).
 */
@Service
class Connections {
    private final CommandGateway commands;
    private final ConnectableProviders providers;
    private final SyncService syncs;
    private final OAuthFlows oauth;
    private final Grants grants;
    private final EventPositions positions;

    Connections(CommandGateway commands, ConnectableProviders providers, SyncService syncs, OAuthFlows oauth,
                Grants grants, EventPositions positions) {
        this.commands = commands;
        this.providers = providers;
        this.syncs = syncs;
        this.oauth = oauth;
        this.grants = grants;
        this.positions = positions;
    }

    /** @param authorization the round trip to start, for OAuth providers; else null */
    record Outcome(UUID id, String status, OAuthFlows.Started authorization, long position) {
    }

    Outcome connect(CurrentUser user, UUID clientId, String providerKey, String accountName, Map<String, String> settings) {
        ProviderInfo provider = providers.require(providerKey);
        Map<String, String> checked = settings == null ? Map.of() : settings;
        Optional<MetricsProvider> connector = providers.connector(provider.key());
        if (connector.isPresent()) {
            checked = connector.get().checkSettings(checked);
        }
        UUID id = UUID.randomUUID();
        commands.sendAndWait(new ConnectIntegration(id, user.agencyId(), clientId, provider.key(), accountName, checked));
        if (Providers.authorizedByOAuth(provider)) {
            OAuthFlows.Started started = oauth.begin(id, user.agencyId(), clientId, user.userId(), provider.key());
            return new Outcome(id, "pending", started, positions.of(id));
        }
        if (provider.syncOnConnect()) {
            return new Outcome(id, "connected", null, syncs.start(id, user.agencyId(), "connect").position());
        }
        return new Outcome(id, "connected", null, positions.of(id));
    }

    Outcome reconnect(CurrentUser user, UUID integrationId) {
        Reconnectable target = commands.sendAndWait(new CheckReconnect(integrationId, user.agencyId()));
        providers.require(target.provider());
        OAuthFlows.Started started = oauth.begin(integrationId, user.agencyId(), target.clientId(), user.userId(),
                target.provider());
        return new Outcome(integrationId, "pending", started, positions.of(integrationId));
    }

    long disconnect(UUID integrationId, UUID agencyId) {
        Optional<OAuthTokens> grant = grants.peek(integrationId);
        String provider = commands.sendAndWait(new DisconnectIntegration(integrationId, agencyId));
        grant.ifPresent(tokens -> oauth.revoke(provider, tokens));
        return positions.of(integrationId);
    }
}
