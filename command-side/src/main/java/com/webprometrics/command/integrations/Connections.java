package com.webprometrics.command.integrations;

import com.webprometrics.websecurity.Uuids;
import com.webprometrics.command.infra.Commands;
import com.webprometrics.command.integrations.IntegrationCommands.ConnectIntegration;
import com.webprometrics.command.integrations.IntegrationCommands.DisconnectIntegration;
import com.webprometrics.command.integrations.IntegrationCommands.RequestReconnect;
import com.webprometrics.command.integrations.oauth.Grants;
import com.webprometrics.command.integrations.oauth.OAuthFlows;
import com.webprometrics.command.integrations.oauth.OAuthTokens;
import com.webprometrics.command.integrations.sync.SyncService;
import com.webprometrics.events.catalogue.ProviderInfo;
import com.webprometrics.platform.security.CurrentUser;
import org.springframework.stereotype.Service;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Connecting, reconnecting and disconnecting, around the integration's commands: settings are checked by the
 * provider's connector first; OAuth providers get an authorization round trip; demo data starts its first sync
 * at once; a disconnect destroys the stored grant with its event and then asks the provider to forget it (best
 * effort).
 */
@Service
class Connections {
    private final Commands commands;
    private final ConnectableProviders providers;
    private final SyncService syncs;
    private final OAuthFlows oauth;
    private final Grants grants;
    private final IntegrationDirectory directory;

    Connections(Commands commands, ConnectableProviders providers, SyncService syncs, OAuthFlows oauth, Grants grants,
                IntegrationDirectory directory) {
        this.commands = commands;
        this.providers = providers;
        this.syncs = syncs;
        this.oauth = oauth;
        this.grants = grants;
        this.directory = directory;
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
        UUID id = Uuids.random();
        long position = commands.position(new ConnectIntegration(id, user.agencyId(), clientId, provider.key(),
                accountName, checked));
        if (Providers.authorizedByOAuth(provider)) {
            OAuthFlows.Started started = oauth.begin(id, user.agencyId(), clientId, user.userId(), provider.key());
            return new Outcome(id, "pending", started, position);
        }
        if (provider.syncOnConnect()) {
            return new Outcome(id, "connected", null, syncs.start(id, user.agencyId(), "connect").position());
        }
        return new Outcome(id, "connected", null, position);
    }

    Outcome reconnect(CurrentUser user, UUID integrationId) {
        long position = commands.position(new RequestReconnect(integrationId, user.agencyId()));
        IntegrationDirectory.Entry integration = directory.require(integrationId, user.agencyId());
        providers.require(integration.provider());
        OAuthFlows.Started started = oauth.begin(integrationId, user.agencyId(), integration.clientId(), user.userId(),
                integration.provider());
        return new Outcome(integrationId, "pending", started, position);
    }

    long disconnect(UUID integrationId, UUID agencyId) {
        Optional<OAuthTokens> grant = grants.peek(integrationId);
        long position = commands.position(new DisconnectIntegration(integrationId, agencyId));
        directory.find(integrationId).ifPresent(integration ->
                grant.ifPresent(tokens -> oauth.revoke(integration.provider(), tokens)));
        return position;
    }
}
