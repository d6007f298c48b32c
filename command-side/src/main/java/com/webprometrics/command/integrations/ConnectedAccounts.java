package com.webprometrics.command.integrations;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Which provider accounts each client has connected (the command side's own table): one integration per client,
 * provider and account, so connecting the same GA4 property twice cannot count its sessions twice. Claimed in
 * the connect transaction, released by disconnect. Upload integrations (CSV) claim nothing: several feeds are
 * normal.
 */
public interface ConnectedAccounts {

    /** @return false when another integration of the client already holds this provider account */
    boolean claim(UUID integrationId, UUID clientId, String provider, String account);

    void release(UUID integrationId);

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
