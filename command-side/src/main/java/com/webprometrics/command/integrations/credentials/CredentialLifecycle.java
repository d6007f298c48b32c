package com.webprometrics.command.integrations.credentials;

import com.webprometrics.command.infra.tables.CommandTables;
import com.webprometrics.command.integrations.IntegrationCredentials;
import com.webprometrics.events.integrations.IntegrationDisconnected;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A disconnect destroys the integration's stored grant, in the transaction that records it. The grant itself was
 * stored by the OAuth callback together with {@code IntegrationAuthorized} (a secret cannot come from an event).
 */
@Component
@ProcessingGroup(CommandTables.GROUP)
class CredentialLifecycle {
    private final IntegrationCredentials credentials;

    CredentialLifecycle(IntegrationCredentials credentials) {
        this.credentials = credentials;
    }

    @EventHandler
    void on(IntegrationDisconnected e) {
        credentials.delete(e.integrationId());
    }
}
