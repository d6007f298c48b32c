package com.webprometrics.command.integrations;

import com.webprometrics.command.infra.tables.CommandTables;
import com.webprometrics.command.infra.tables.EventFedTable;
import com.webprometrics.events.catalogue.ProviderInfo;
import com.webprometrics.events.integrations.IntegrationConnected;
import com.webprometrics.events.integrations.IntegrationDisconnected;
import com.webprometrics.events.integrations.IntegrationRequested;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * {@code command.connected_accounts}: which provider accounts each client has connected — one integration per
 * client, provider and account, so connecting the same GA4 property twice cannot count its sessions twice. The
 * check takes a lock on the client for the rest of the transaction, so two connects of one client take turns; the
 * claim follows from the connect event and goes with the disconnect. Upload integrations (CSV) claim nothing:
 * several feeds are normal.
 */
@Component
@ProcessingGroup(CommandTables.GROUP)
class ConnectedAccounts implements EventFedTable {
    private final JdbcTemplate jdbc;

    ConnectedAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> tables() {
        return List.of("command.connected_accounts");
    }

    /** @throws com.webprometrics.platform.domain.DomainException {@link IntegrationRejection#ALREADY_CONNECTED} when another live integration of the client holds the account */
    void requireFree(UUID clientId, ProviderInfo provider, Map<String, String> settings) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", "connect:" + clientId);
        boolean taken = Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM command.connected_accounts "
                + "WHERE client_id = ? AND provider = ? AND account = ?)", Boolean.class, clientId, provider.key(),
                accountOf(settings)));
        if (taken) {
            throw IntegrationRejection.ALREADY_CONNECTED.because("This client already has "
                    + "a " + provider.name() + " integration for this account; sync or reconnect that one instead.");
        }
    }

    @EventHandler
    void on(IntegrationConnected e) {
        claim(e.integrationId(), e.clientId(), e.provider(), e.settings());
    }

    @EventHandler
    void on(IntegrationRequested e) {
        claim(e.integrationId(), e.clientId(), e.provider(), e.settings());
    }

    @EventHandler
    void on(IntegrationDisconnected e) {
        jdbc.update("DELETE FROM command.connected_accounts WHERE integration_id = ?", e.integrationId());
    }

    /** Integrations connected before claims existed may share an account: the later one holds no claim. */
    private void claim(UUID integrationId, UUID clientId, String provider, Map<String, String> settings) {
        if (ProviderInfo.find(provider).map(ProviderInfo::fetched).orElse(false)) {
            jdbc.update("INSERT INTO command.connected_accounts (integration_id, client_id, provider, account) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", integrationId, clientId, provider,
                    accountOf(settings == null ? Map.of() : settings));
        }
    }

    /**
     * The account a fetched integration reads, from its normalized settings: every setting but the currency, in
     * key order ({@code customerId=123;loginCustomerId=456}). Demo data has none, so one per client.
     */
    static String accountOf(Map<String, String> settings) {
        StringBuilder account = new StringBuilder();
        new TreeMap<>(settings).forEach((key, value) -> {
            if (!key.equals("currency")) {
                account.append(account.isEmpty() ? "" : ";").append(key).append('=').append(value);
            }
        });
        return account.toString();
    }
}
