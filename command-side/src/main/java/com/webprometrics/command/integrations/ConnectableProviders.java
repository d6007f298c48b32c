package com.webprometrics.command.integrations;

import com.webprometrics.events.catalogue.ProviderInfo;
import com.webprometrics.platform.domain.DomainException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which providers this installation can connect: demo and CSV always; a fetched provider when its
 * connector is installed and, for OAuth providers, its client id and secret are configured (one Google
 * client for GA4, Google Ads and Search Console; a Meta app for Meta Ads). The others are listed with
 * {@code available:false}.
 */
@Component
public class ConnectableProviders {
    private final ProviderProperties properties;
    private final Map<String, MetricsProvider> connectors;

    ConnectableProviders(ProviderProperties properties, List<MetricsProvider> connectors) {
        this.properties = properties;
        this.connectors = connectors.stream().collect(Collectors.toMap(MetricsProvider::key, Function.identity()));
    }

    public record Listed(String key, String name, String authType, List<String> metrics, boolean available) {
    }

    public List<Listed> list() {
        return ProviderInfo.ALL.stream()
                .map(p -> new Listed(p.key(), p.name(), p.authType(), p.metrics(), available(p)))
                .toList();
    }

    public boolean available(ProviderInfo provider) {
        if (provider.fetched() && !connectors.containsKey(provider.key())) {
            return false;
        }
        return switch (provider.key()) {
            case ProviderInfo.GA4, ProviderInfo.GOOGLE_ADS, ProviderInfo.SEARCH_CONSOLE -> properties.google().configured();
            case ProviderInfo.META_ADS -> properties.meta().configured();
            default -> true;
        };
    }

    /** @throws DomainException INVALID for an unknown provider or one this installation cannot connect */
    public ProviderInfo require(String key) {
        ProviderInfo provider = Providers.known(key);
        if (!available(provider)) {
            throw IntegrationRejection.PROVIDER_UNAVAILABLE.because(
                    "Provider " + key + " is not available on this server (its connector is not configured).");
        }
        return provider;
    }

    public Optional<MetricsProvider> connector(String key) {
        return Optional.ofNullable(connectors.get(key));
    }
}
