package com.webprometrics.command.integrations;

import com.webprometrics.events.catalogue.ProviderInfo;
import com.webprometrics.platform.domain.DomainException;

import java.util.Optional;

/**
 * The provider catalogue as the aggregate sees it: framework-free facts about each key. Whether this
 * installation can connect a provider (connector present, OAuth client configured) is
 * {@link ConnectableProviders}' business, checked before the aggregate is asked.
 */
public final class Providers {
    public static final String CSV_UPLOAD_TRIGGER = "csv-upload";
    public static final String OAUTH2 = "oauth2";

    private Providers() {
    }

    public static Optional<ProviderInfo> find(String key) {
        return ProviderInfo.find(key);
    }

    /** @throws DomainException INVALID for an unknown provider */
    public static ProviderInfo known(String key) {
        return find(key).orElseThrow(() -> IntegrationRejection.UNKNOWN_PROVIDER.because(
                "There is no provider \"" + key + "\"."));
    }

    public static boolean authorizedByOAuth(ProviderInfo provider) {
        return OAUTH2.equals(provider.authType());
    }
}
