package com.webprometrics.command.integrations.connectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.webprometrics.command.integrations.ProviderFailure;
import com.webprometrics.command.integrations.ProviderProperties;
import com.webprometrics.command.integrations.credentials.MasterKey;
import com.webprometrics.command.integrations.credentials.TokenVault;
import com.webprometrics.command.integrations.http.ProviderHttp;
import com.webprometrics.command.integrations.http.Sleeper;
import com.webprometrics.command.integrations.oauth.GoogleOAuth;
import com.webprometrics.command.integrations.oauth.Grants;
import com.webprometrics.command.integrations.oauth.MetaOAuth;
import com.webprometrics.command.integrations.oauth.OAuthTokens;
import com.webprometrics.command.support.InMemoryIntegrationCredentials;
import com.webprometrics.command.support.TestProviders;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a connector meets in production, with the provider replaced by a WireMock stand-in: real HTTP, the real
 * retry policy (with a sleeper that records instead of sleeping), the real Tink vault, Google's real token
 * endpoint protocol. Only the credential table is in memory.
 */
public final class ConnectorKit implements AutoCloseable {
    public static final Instant NOW = Instant.parse("2026-11-04T09:00:00Z");
    public static final UUID INTEGRATION = UUID.fromString("00000000-0000-4000-8000-000000000042");

    public final WireMockServer wiremock = new WireMockServer(wireMockConfig().dynamicPort().notifier(new Quiet()));
    public final InMemoryIntegrationCredentials store = new InMemoryIntegrationCredentials();
    public final TokenVault vault;
    public final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    public final Sleeper sleeper = sleeps::add;
    public final ProviderProperties properties;
    public final ProviderHttp http;
    public final ProviderHttp interactive;
    public final GoogleOAuth google;
    public final MetaOAuth meta;
    public final Grants grants;
    public final GoogleApi googleApi;
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return NOW;
        }
    };

    public ConnectorKit() {
        this(4, Duration.ofMinutes(5), 0);
    }

    /** @param pageSize rows per page asked of GA4, Search Console and Meta (0: production defaults) */
    public ConnectorKit(int maxAttempts, Duration waitCeiling, int pageSize) {
        wiremock.start();
        try {
            vault = new TokenVault(MasterKeyAccess.fresh());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        properties = TestProviders.at(wiremock.baseUrl(), true, true, TestProviders.http(maxAttempts, waitCeiling), pageSize);
        http = new ProviderHttp(properties.http(), sleeper, clock);
        interactive = new ProviderHttp(TestProviders.http(2, Duration.ofSeconds(5)), sleeper, clock);
        google = new GoogleOAuth(properties, interactive, http, clock);
        meta = new MetaOAuth(properties, interactive, clock);
        grants = new Grants(store, vault, google, clock);
        googleApi = new GoogleApi(http, grants);
    }

    public Clock clock() {
        return clock;
    }

    /** Stores a grant for {@link #INTEGRATION}, sealed like the real thing. */
    public void grant(String accessToken, String refreshToken, Instant expiresAt, String scope) {
        store.credentials.put(INTEGRATION, vault.seal(INTEGRATION,
                new OAuthTokens(accessToken, refreshToken, expiresAt, List.of(scope)).toBytes()));
    }

    public OAuthTokens storedGrant() {
        return OAuthTokens.fromBytes(vault.open(INTEGRATION, store.credentials.get(INTEGRATION)));
    }

    /** A recorded-style provider answer from {@code src/test/resources/providers/<path>}. */
    public static String payload(String path) {
        try (InputStream in = ConnectorKit.class.getResourceAsStream("/providers/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test payload " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a fetch that must fail, and returns the failure for its reason and message. */
    public static ProviderFailure failure(Callable<?> fetch) {
        ProviderFailure[] caught = new ProviderFailure[1];
        assertThatThrownBy(() -> {
            try {
                fetch.call();
            } catch (ProviderFailure e) {
                caught[0] = e;
                throw e;
            }
        }).isInstanceOf(ProviderFailure.class);
        return caught[0];
    }

    @Override
    public void close() {
        wiremock.stop();
    }

    /** Near-miss reports would print request bodies (with test tokens) to the console; keep only errors. */
    private static final class Quiet implements Notifier {
        @Override
        public void info(String message) {
        }

        @Override
        public void error(String message) {
            System.err.println("[wiremock] " + message);
        }

        @Override
        public void error(String message, Throwable t) {
            System.err.println("[wiremock] " + message + ": " + t);
        }
    }

    /** A fresh keyset, as a first start would generate. */
    static final class MasterKeyAccess {
        static com.google.crypto.tink.KeysetHandle fresh() throws Exception {
            return com.google.crypto.tink.TinkJsonProtoKeysetFormat.parseKeyset(MasterKey.generate(),
                    com.google.crypto.tink.InsecureSecretKeyAccess.get());
        }
    }
}
