package com.webprometrics.command.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.webprometrics.command.auth.AuthService;
import com.webprometrics.command.integrations.credentials.TokenVault;
import com.webprometrics.command.integrations.sync.ScheduledSyncs;
import com.webprometrics.command.integrations.sync.SyncRunner;
import com.webprometrics.command.integrations.http.Sleeper;
import com.webprometrics.command.integrations.oauth.OAuthTokens;
import com.webprometrics.command.support.PostgresDatabase;
import com.webprometrics.command.support.TestProviders;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OAuth connect flow, the encrypted credential store and background syncs, against the real command side on
 * PostgreSQL with WireMock standing in for Google and Meta. The clock and the back-off sleeper are the only
 * controlled parts: the clock to let a state expire and a lease run out, the sleeper to hold a sync mid-flight.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "wpm.integrations.schedule-check=1h")
@ExtendWith(OutputCaptureExtension.class)
class OAuthConnectIntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "a long enough passphrase";
    private static final String APP = "https://app.wpm.test";
    private static final String REDIRECT = APP + "/api/integrations/oauth/callback";
    private static final String REPORT = "/v1beta/properties/412345678:runReport";
    private static final String GA4_SCOPE = "https://www.googleapis.com/auth/analytics.readonly";
    private static final WireMockServer PROVIDERS = new WireMockServer(wireMockConfig().dynamicPort().notifier(new Silent()));

    static {
        PROVIDERS.start();
    }

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry);
        String base = PROVIDERS.baseUrl();
        registry.add("wpm.providers.redirect-uri", () -> REDIRECT);
        registry.add("wpm.providers.google.client-id", () -> TestProviders.GOOGLE_CLIENT_ID);
        registry.add("wpm.providers.google.client-secret", () -> TestProviders.GOOGLE_CLIENT_SECRET);
        registry.add("wpm.providers.google.authorize-url", () -> base + "/o/oauth2/v2/auth");
        registry.add("wpm.providers.google.token-url", () -> base + "/token");
        registry.add("wpm.providers.google.revoke-url", () -> base + "/revoke");
        registry.add("wpm.providers.ga4.base-url", () -> base);
        registry.add("wpm.providers.meta.app-id", () -> TestProviders.META_APP_ID);
        registry.add("wpm.providers.meta.app-secret", () -> TestProviders.META_APP_SECRET);
        registry.add("wpm.providers.meta.dialog-url", () -> base);
        registry.add("wpm.providers.meta.graph-url", () -> base);
    }

    /** A clock that can be moved ahead, and a sleeper that records waits and can hold a sync in its back-off. */
    @TestConfiguration
    static class Controls {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }

        @Bean
        @Primary
        HoldingSleeper holdingSleeper() {
            return new HoldingSleeper();
        }
    }

    static final class MovableClock extends Clock {
        final AtomicReference<Duration> ahead = new AtomicReference<>(Duration.ZERO);

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.offset(Clock.system(zone), ahead.get());
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead.get());
        }
    }

    static final class HoldingSleeper implements Sleeper {
        final List<Duration> waits = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile CountDownLatch hold;
        volatile CountDownLatch holding = new CountDownLatch(1);

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            waits.add(duration);
            CountDownLatch gate = hold;
            if (gate != null) {
                holding.countDown();
                gate.await(60, TimeUnit.SECONDS);
            }
        }
    }

    @Autowired
    AuthService auth;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SyncRunner runner;
    @Autowired
    ScheduledSyncs scheduledSyncs;
    @Autowired
    CommandGateway commands;
    @Autowired
    TokenVault vault;
    @Autowired
    MovableClock clock;
    @Autowired
    HoldingSleeper sleeper;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);

    @BeforeEach
    void resetStandIns() {
        PROVIDERS.resetAll();
        clock.ahead.set(Duration.ZERO);
        sleeper.hold = null;
        sleeper.holding = new CountDownLatch(1);
        sleeper.waits.clear();
    }

    @AfterEach
    void settle() throws InterruptedException {
        sleeper.hold = null;
        assertThat(runner.awaitIdle(Duration.ofSeconds(60))).isTrue();
    }

    @AfterAll
    static void stopProviders() {
        PROVIDERS.stop();
    }

    // ------------------------------------------------------------------------------------------ the Google flow

    @Test
    void aGoogleConnectIsAuthorizedOnceStoresTheTokensEncryptedAndSyncs(CapturedOutput output) throws Exception {
        Owner owner = owner("Google Agency");
        googleTokensFor("code-g1", GA4_SCOPE);
        ga4Answers("at-code-g1", Map.of(yesterday.minusDays(2), 120, yesterday.minusDays(3), 80));

        HttpResponse<String> connected = postJson("/api/clients/" + owner.clientId + "/integrations", owner.token,
                "{\"provider\":\"ga4\",\"accountName\":\"Shop property\",\"settings\":{\"propertyId\":\"properties/412345678\"}}");
        assertThat(connected.statusCode()).as(connected.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(connected.body());
        String id = body.get("id").asText();
        assertThat(body.get("status").asText()).isEqualTo("pending");
        assertThat(body.get("position").asLong()).isEqualTo(positionOf(id, "IntegrationRequested"));
        Map<String, String> authorize = query(URI.create(body.get("authorizeUrl").asText()));
        assertThat(URI.create(body.get("authorizeUrl").asText()).getPath()).isEqualTo("/o/oauth2/v2/auth");
        assertThat(authorize).containsEntry("client_id", TestProviders.GOOGLE_CLIENT_ID).containsEntry("redirect_uri", REDIRECT)
                .containsEntry("response_type", "code").containsEntry("scope", GA4_SCOPE)
                .containsEntry("access_type", "offline").containsEntry("prompt", "consent")
                .containsEntry("code_challenge_method", "S256");
        String state = authorize.get("state");
        assertThat(Base64.getUrlDecoder().decode(state)).as("256 random bits").hasSize(32);
        String cookie = cookieOf(connected);
        assertThat(connected.headers().firstValue("Set-Cookie").orElseThrow())
                .contains("Path=/api/integrations/oauth/callback", "HttpOnly", "SameSite=Lax", "Secure", "Max-Age=600");
        assertThat(lastPayload(id, "IntegrationRequested")).contains("\"propertyId\":\"412345678\"");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM command.oauth_states WHERE state_hash = ?", Integer.class,
                sha256(state))).as("only the hash is kept").isEqualTo(1);

        HttpResponse<Void> foreign = callback("code=code-g1&state=" + state, null);
        assertThat(foreign.headers().firstValue("Location")).hasValue(APP + "/?oauth=error&reason=invalid_state");

        HttpResponse<Void> back = callback("code=code-g1&state=" + state + "&scope=" + GA4_SCOPE, cookie);
        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location"))
                .hasValue(APP + "/clients/" + owner.clientId + "?integration=" + id + "&oauth=connected");
        assertThat(back.headers().firstValue("Set-Cookie").orElseThrow()).startsWith(cookie.split("=")[0] + "=;")
                .contains("Max-Age=0");

        LoggedRequest exchange = PROVIDERS.findAll(postRequestedFor(urlPathEqualTo("/token"))).get(0);
        Map<String, String> form = form(exchange.getBodyAsString());
        assertThat(form).containsEntry("grant_type", "authorization_code").containsEntry("code", "code-g1")
                .containsEntry("redirect_uri", REDIRECT).containsEntry("client_id", TestProviders.GOOGLE_CLIENT_ID)
                .containsEntry("client_secret", TestProviders.GOOGLE_CLIENT_SECRET);
        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(form.get("code_verifier"))))
                .as("the PKCE verifier matches the challenge sent to the consent page")
                .isEqualTo(authorize.get("code_challenge"));

        awaitSyncs();
        assertThat(count(id, "IntegrationAuthorized")).isEqualTo(1);
        assertThat(metadata(id, "IntegrationAuthorized")).as("attributed to the user who connected")
                .contains("\"userId\":\"" + owner.userId + "\"", "\"agencyId\":\"" + owner.agencyId + "\"");
        assertThat(lastPayload(id, "IntegrationSyncStarted")).contains("\"trigger\":\"connect\"");
        assertThat(count(id, "DailyMetricsRecorded")).isEqualTo(365);
        assertThat(payloadOn(id, yesterday.minusDays(2))).contains("\"sessions\":120", "\"currency\":\"EUR\"");
        assertThat(lastPayload(id, "IntegrationSyncSucceeded")).contains("\"currency\":\"EUR\"", "\"timeZone\":\"Europe/Berlin\"");

        byte[] ciphertext = jdbc.queryForObject("SELECT ciphertext FROM command.integration_credentials WHERE integration_id = ?::uuid",
                byte[].class, id);
        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("at-code-g1", "rt-code-g1");
        OAuthTokens stored = OAuthTokens.fromBytes(vault.open(UUID.fromString(id), ciphertext));
        assertThat(stored.accessToken()).isEqualTo("at-code-g1");
        assertThat(stored.refreshToken()).isEqualTo("rt-code-g1");
        assertThat(jdbc.queryForObject("SELECT next_sync_at > now() + interval '5 hours' FROM command.integration_schedule "
                + "WHERE integration_id = ?::uuid", Boolean.class, id)).as("scheduled every 6 h from now on").isTrue();

        HttpResponse<Void> replay = callback("code=code-g1&state=" + state, cookie);
        assertThat(replay.headers().firstValue("Location")).hasValue(APP + "/?oauth=error&reason=invalid_state");
        PROVIDERS.verify(exactly(1), postRequestedFor(urlPathEqualTo("/token")));

        List<String> secrets = List.of("at-code-g1", "rt-code-g1", "code-g1", state, form.get("code_verifier"),
                cookie.substring(cookie.indexOf('=') + 1), TestProviders.GOOGLE_CLIENT_SECRET);
        String eventStore = String.join("\n", jdbc.queryForList("SELECT convert_from(payload, 'UTF8') || convert_from(meta_data, 'UTF8') "
                + "FROM event_store.domain_event_entry", String.class));
        for (String secret : secrets) {
            assertThat(eventStore).as("no secret in any event").doesNotContain(secret);
            assertThat(output.getAll()).as("no secret in the log").doesNotContain(secret);
        }
    }

    @Test
    void anExpiredStateIsRefusedWithoutAskingGoogle() throws Exception {
        Owner owner = owner("Slow Agency");
        googleTokensFor("code-late", GA4_SCOPE);
        Pending pending = connectGa4(owner);

        clock.ahead.set(Duration.ofMinutes(11));
        HttpResponse<Void> late = callback("code=code-late&state=" + pending.state, pending.cookie);

        assertThat(late.headers().firstValue("Location")).hasValue(APP + "/clients/" + owner.clientId + "?integration="
                + pending.id + "&oauth=error&reason=expired_state");
        PROVIDERS.verify(exactly(0), postRequestedFor(urlPathEqualTo("/token")));
        assertThat(count(pending.id, "IntegrationAuthorized")).isZero();
    }

    @Test
    void aStateWorksOnlyInTheBrowserThatStartedTheFlow() throws Exception {
        Owner owner = owner("Victim Agency");
        Owner attacker = owner("Attacker Agency");
        googleTokensFor("code-victim", GA4_SCOPE);
        Pending attackersFlow = connectGa4(attacker);
        Pending victimsFlow = connectGa4(owner);

        // the attacker's state, completed in the victim's browser (which holds only its own cookie)
        String victimsNonce = victimsFlow.cookie.substring(victimsFlow.cookie.indexOf('=') + 1);
        HttpResponse<Void> planted = callback("code=code-victim&state=" + attackersFlow.state,
                attackersFlow.cookie.split("=")[0] + "=" + victimsNonce);
        assertThat(planted.headers().firstValue("Location")).hasValue(APP + "/?oauth=error&reason=invalid_state");
        PROVIDERS.verify(exactly(0), postRequestedFor(urlPathEqualTo("/token")));

        HttpResponse<Void> own = callback("code=code-victim&state=" + victimsFlow.state, victimsFlow.cookie);
        assertThat(own.headers().firstValue("Location").orElseThrow()).endsWith("&oauth=connected");
        assertThat(count(attackersFlow.id, "IntegrationAuthorized")).isZero();
    }

    @Test
    void aDeclinedConsentIsRecordedAndTheIntegrationCanBeConnectedAgain() throws Exception {
        Owner owner = owner("Declining Agency");
        Pending pending = connectGa4(owner);

        HttpResponse<Void> declined = callback("error=access_denied&state=" + pending.state, pending.cookie);

        assertThat(declined.headers().firstValue("Location")).hasValue(APP + "/clients/" + owner.clientId
                + "?integration=" + pending.id + "&oauth=error&reason=access_denied");
        assertThat(lastPayload(pending.id, "IntegrationAuthorizationFailed")).contains("\"reason\":\"access_denied\"");
        HttpResponse<String> sync = postJson("/api/integrations/" + pending.id + "/sync", owner.token, "");
        assertThat(sync.statusCode()).as("nothing to sync before authorization").isEqualTo(409);

        googleTokensFor("code-second-try", GA4_SCOPE);
        ga4Answers("at-code-second-try", Map.of(yesterday, 5));
        HttpResponse<String> reconnect = postJson("/api/integrations/" + pending.id + "/reconnect", owner.token, "");
        assertThat(reconnect.statusCode()).as(reconnect.body()).isEqualTo(200);
        String state = query(URI.create(JSON.readTree(reconnect.body()).get("authorizeUrl").asText())).get("state");
        HttpResponse<Void> back = callback("code=code-second-try&state=" + state, cookieOf(reconnect));
        assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith("&oauth=connected");
        awaitSyncs();
        assertThat(count(pending.id, "IntegrationSyncSucceeded")).isEqualTo(1);
    }

    @Test
    void aGrantWithoutTheReadScopeIsRefusedAndNothingStored() throws Exception {
        Owner owner = owner("Unticked Agency");
        googleTokensFor("code-openid", "openid");
        Pending pending = connectGa4(owner);

        HttpResponse<Void> back = callback("code=code-openid&state=" + pending.state, pending.cookie);

        assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith("&oauth=error&reason=missing_scope");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM command.integration_credentials WHERE integration_id = ?::uuid",
                Integer.class, pending.id)).isZero();
        assertThat(lastPayload(pending.id, "IntegrationAuthorizationFailed")).contains("\"reason\":\"missing_scope\"");
    }

    // ------------------------------------------------------------------------------------------ Meta

    @Test
    void aMetaConnectKeepsTheLongLivedTokenAndSyncs() throws Exception {
        Owner owner = owner("Meta Agency");
        PROVIDERS.stubFor(get(urlPathEqualTo("/v27.0/oauth/access_token")).withQueryParam("code", equalTo("meta-code"))
                .withQueryParam("client_secret", equalTo(TestProviders.META_APP_SECRET))
                .withQueryParam("redirect_uri", equalTo(REDIRECT))
                .willReturn(json("{\"access_token\":\"EAAGshort\",\"token_type\":\"bearer\",\"expires_in\":5400}")));
        PROVIDERS.stubFor(get(urlPathEqualTo("/v27.0/oauth/access_token")).withQueryParam("grant_type", equalTo("fb_exchange_token"))
                .withQueryParam("fb_exchange_token", equalTo("EAAGshort"))
                .willReturn(json("{\"access_token\":\"EAAGlongLived\",\"token_type\":\"bearer\",\"expires_in\":5183944}")));
        PROVIDERS.stubFor(get(urlPathEqualTo("/v27.0/me/permissions")).withQueryParam("access_token", equalTo("EAAGlongLived"))
                .willReturn(json("{\"data\":[{\"permission\":\"ads_read\",\"status\":\"granted\"}]}")));
        PROVIDERS.stubFor(get(urlPathEqualTo("/v27.0/act_1029384756/insights")).withQueryParam("access_token", equalTo("EAAGlongLived"))
                .willReturn(json("{\"data\":[{\"impressions\":\"8420\",\"clicks\":\"236\",\"spend\":\"98.42\",\"account_currency\":\"EUR\","
                        + "\"date_start\":\"" + yesterday + "\",\"date_stop\":\"" + yesterday + "\"}],\"paging\":{}}")));

        HttpResponse<String> connected = postJson("/api/clients/" + owner.clientId + "/integrations", owner.token,
                "{\"provider\":\"meta-ads\",\"settings\":{\"adAccountId\":\"1029384756\"}}");
        assertThat(connected.statusCode()).as(connected.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(connected.body());
        URI dialog = URI.create(body.get("authorizeUrl").asText());
        assertThat(dialog.getPath()).isEqualTo("/v27.0/dialog/oauth");
        assertThat(query(dialog)).containsEntry("client_id", TestProviders.META_APP_ID).containsEntry("scope", "ads_read")
                .doesNotContainKey("code_challenge");
        String id = body.get("id").asText();

        HttpResponse<Void> back = callback("code=meta-code&state=" + query(dialog).get("state"), cookieOf(connected));
        assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith("&oauth=connected");

        awaitSyncs();
        OAuthTokens stored = OAuthTokens.fromBytes(vault.open(UUID.fromString(id), jdbc.queryForObject(
                "SELECT ciphertext FROM command.integration_credentials WHERE integration_id = ?::uuid", byte[].class, id)));
        assertThat(stored.accessToken()).isEqualTo("EAAGlongLived");
        assertThat(stored.refreshToken()).isNull();
        assertThat(stored.expiresAt()).isBetween(Instant.now().plusSeconds(5183944 - 60), Instant.now().plusSeconds(5183944));
        assertThat(lastPayload(id, "IntegrationAuthorized")).contains("\"expiresAt\"");
        assertThat(payloadOn(id, yesterday)).contains("\"cost\":98.42", "\"impressions\":8420");
        assertThat(lastPayload(id, "IntegrationSyncSucceeded")).contains("\"currency\":\"EUR\"");
    }

    // ------------------------------------------------------------------------------------------ after connecting

    @Test
    void aRevokedGrantAsksForReconnectAndReconnectingRestoresSyncs() throws Exception {
        Owner owner = owner("Revoked Agency");
        String id = connectedGa4(owner, "code-r1");
        PROVIDERS.stubFor(post(urlPathEqualTo(REPORT)).withHeader("Authorization", equalTo("Bearer at-code-r1"))
                .willReturn(json(401, "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials.\","
                        + "\"status\":\"UNAUTHENTICATED\"}}")));
        PROVIDERS.stubFor(post(urlPathEqualTo("/token")).withRequestBody(containing("refresh_token=rt-code-r1"))
                .willReturn(json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}")));

        assertThat(postJson("/api/integrations/" + id + "/sync", owner.token, "").statusCode()).isEqualTo(202);
        awaitSyncs();
        assertThat(lastPayload(id, "IntegrationSyncFailed")).contains("\"reason\":\"auth\"",
                "\"message\":\"authorization revoked or expired, reconnect\"");
        HttpResponse<String> refused = postJson("/api/integrations/" + id + "/sync", owner.token, "");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("reconnect the integration");

        googleTokensFor("code-r2", GA4_SCOPE);
        ga4Answers("at-code-r2", Map.of(yesterday, 7));
        HttpResponse<String> reconnect = postJson("/api/integrations/" + id + "/reconnect", owner.token, "");
        String state = query(URI.create(JSON.readTree(reconnect.body()).get("authorizeUrl").asText())).get("state");
        assertThat(callback("code=code-r2&state=" + state, cookieOf(reconnect)).headers().firstValue("Location").orElseThrow())
                .endsWith("&oauth=connected");
        awaitSyncs();
        assertThat(lastPayload(id, "IntegrationSyncStarted")).contains("\"trigger\":\"connect\"");
        assertThat(count(id, "IntegrationSyncSucceeded")).isEqualTo(2);
    }

    @Test
    void aSyncAnswersOnceStartedRunsInTheBackgroundAndHoldsALease() throws Exception {
        Owner owner = owner("Async Agency");
        String id = connectedGa4(owner, "code-a");
        PROVIDERS.stubFor(post(urlPathEqualTo(REPORT)).withHeader("Authorization", equalTo("Bearer at-code-a"))
                .inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(429, "{\"error\":{\"code\":429,\"message\":\"Exhausted concurrent requests quota.\","
                        + "\"status\":\"RESOURCE_EXHAUSTED\"}}").withHeader("Retry-After", "1"))
                .willSetStateTo("free"));
        PROVIDERS.stubFor(post(urlPathEqualTo(REPORT)).withHeader("Authorization", equalTo("Bearer at-code-a"))
                .inScenario("busy").whenScenarioStateIs("free").willReturn(json(200, ga4Report(Map.of(yesterday, 9)))));
        sleeper.hold = new CountDownLatch(1);

        HttpResponse<String> accepted = postJson("/api/integrations/" + id + "/sync", owner.token, "");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(accepted.body()).get("position").asLong())
                .isEqualTo(positionOf(id, "IntegrationSyncStarted"));
        assertThat(sleeper.holding.await(30, TimeUnit.SECONDS)).as("the sync waits in its back-off").isTrue();
        assertThat(jdbc.queryForObject("SELECT next_sync_at BETWEEN now() + interval '14 minutes' AND now() + interval '16 minutes' "
                + "FROM command.integration_schedule WHERE integration_id = ?::uuid", Boolean.class, id))
                .as("leased while it runs").isTrue();
        HttpResponse<String> second = postJson("/api/integrations/" + id + "/sync", owner.token, "");
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("A sync is already running");

        sleeper.hold.countDown();
        awaitSyncs();
        assertThat(sleeper.waits).contains(Duration.ofSeconds(1));
        assertThat(count(id, "IntegrationSyncSucceeded")).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT next_sync_at > now() + interval '5 hours' FROM command.integration_schedule "
                + "WHERE integration_id = ?::uuid", Boolean.class, id)).as("due again after the interval").isTrue();
    }

    @Test
    void aSyncThatOutlivesItsLeaseIsSupersededByTheSchedule() throws Exception {
        Owner owner = owner("Crashing Agency");
        String id = connectedGa4(owner, "code-c");
        // the next fetch hangs in a back-off, as if its process had stopped hearing from anyone
        PROVIDERS.stubFor(post(urlPathEqualTo(REPORT)).withHeader("Authorization", equalTo("Bearer at-code-c"))
                .inScenario("stuck").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(429, "{\"error\":{\"code\":429,\"message\":\"Busy.\",\"status\":\"RESOURCE_EXHAUSTED\"}}")
                        .withHeader("Retry-After", "1"))
                .willSetStateTo("free"));
        PROVIDERS.stubFor(post(urlPathEqualTo(REPORT)).withHeader("Authorization", equalTo("Bearer at-code-c"))
                .inScenario("stuck").whenScenarioStateIs("free").willReturn(json(200, ga4Report(Map.of(yesterday, 3)))));
        sleeper.hold = new CountDownLatch(1);
        assertThat(postJson("/api/integrations/" + id + "/sync", owner.token, "").statusCode()).isEqualTo(202);
        assertThat(sleeper.holding.await(30, TimeUnit.SECONDS)).as("the fetch hangs").isTrue();
        jdbc.update("UPDATE command.integration_schedule SET next_sync_at = now() + interval '1 hour' "
                + "WHERE integration_id <> ?::uuid AND next_sync_at < now() + interval '1 hour'", id);

        assertThat(scheduledSyncs.runOnce()).as("leased: not due yet").isZero();
        clock.ahead.set(Duration.ofMinutes(16));
        assertThat(scheduledSyncs.runOnce()).isEqualTo(1);
        sleeper.hold.countDown();
        sleeper.hold = null;
        awaitSyncs();

        assertThat(lastPayload(id, "IntegrationSyncStarted")).contains("\"trigger\":\"schedule\"");
        assertThat(count(id, "IntegrationSyncStarted")).isEqualTo(3);
        assertThat(count(id, "IntegrationSyncSucceeded")).as("the stale sync was superseded").isEqualTo(2);
    }

    @Test
    void disconnectingDestroysTheGrantAndRevokesItAtGoogle() throws Exception {
        Owner owner = owner("Leaving Agency");
        String id = connectedGa4(owner, "code-d");
        PROVIDERS.stubFor(post(urlPathEqualTo("/revoke")).willReturn(aResponse().withStatus(200)));

        HttpResponse<String> deleted = send("DELETE", "/api/integrations/" + id, owner.token, null);

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM command.integration_credentials WHERE integration_id = ?::uuid",
                Integer.class, id)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM command.integration_schedule WHERE integration_id = ?::uuid",
                Integer.class, id)).isZero();
        PROVIDERS.verify(exactly(1), postRequestedFor(urlPathEqualTo("/revoke")).withRequestBody(equalTo("token=rt-code-d")));
    }

    @Test
    void theProviderListSaysWhatThisInstallationCanConnect() throws Exception {
        Owner owner = owner("Curious Agency");
        HttpResponse<String> response = send("GET", "/api/integrations/providers", owner.token, null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode providers = JSON.readTree(response.body());
        assertThat(providers.findValuesAsText("key")).containsExactly("demo", "csv", "ga4", "google-ads", "meta-ads", "search-console");
        for (JsonNode provider : providers) {
            assertThat(provider.get("available").asBoolean()).as(provider.toString()).isTrue();
            assertThat(provider.has("name") && provider.has("authType") && provider.get("metrics").isArray()).isTrue();
        }
        HttpResponse<String> badSettings = postJson("/api/clients/" + owner.clientId + "/integrations", owner.token,
                "{\"provider\":\"google-ads\",\"settings\":{\"customerId\":\"12\"}}");
        assertThat(badSettings.statusCode()).isEqualTo(400);
        assertThat(badSettings.body()).contains("settings.customerId");
    }

    // ------------------------------------------------------------------------------------------ helpers

    private record Owner(String token, UUID userId, UUID agencyId, String clientId) {
    }

    private record Pending(String id, String state, String cookie) {
    }

    private Owner owner(String agency) throws Exception {
        AuthService.Tokens tokens = auth.signUp(agency, "Olga", "oauth-" + UUID.randomUUID() + "@agency.test", PASSWORD, java.time.ZoneId.of("UTC"));
        HttpResponse<String> client = postJson("/api/clients", tokens.accessToken(), "{\"name\":\"" + agency + " client\"}");
        assertThat(client.statusCode()).as(client.body()).isEqualTo(201);
        return new Owner(tokens.accessToken(), tokens.userId(), tokens.agencyId(), JSON.readTree(client.body()).get("id").asText());
    }

    private Pending connectGa4(Owner owner) throws Exception {
        HttpResponse<String> connected = postJson("/api/clients/" + owner.clientId + "/integrations", owner.token,
                "{\"provider\":\"ga4\",\"settings\":{\"propertyId\":\"412345678\"}}");
        assertThat(connected.statusCode()).as(connected.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(connected.body());
        return new Pending(body.get("id").asText(), query(URI.create(body.get("authorizeUrl").asText())).get("state"),
                cookieOf(connected));
    }

    /** A GA4 integration through the whole flow, its first sync done. */
    private String connectedGa4(Owner owner, String code) throws Exception {
        googleTokensFor(code, GA4_SCOPE);
        ga4Answers("at-" + code, Map.of(yesterday.minusDays(1), 10));
        Pending pending = connectGa4(owner);
        assertThat(callback("code=" + code + "&state=" + pending.state, pending.cookie).headers().firstValue("Location")
                .orElseThrow()).endsWith("&oauth=connected");
        awaitSyncs();
        assertThat(count(pending.id, "IntegrationSyncSucceeded")).isEqualTo(1);
        return pending.id;
    }

    private static void googleTokensFor(String code, String scope) {
        PROVIDERS.stubFor(post(urlPathEqualTo("/token")).withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code=" + code + "&"))
                .willReturn(json(200, "{\"access_token\":\"at-" + code + "\",\"expires_in\":3599,\"refresh_token\":\"rt-" + code
                        + "\",\"scope\":\"" + scope + "\",\"token_type\":\"Bearer\"}")));
    }

    private static void ga4Answers(String accessToken, Map<LocalDate, Integer> sessions) {
        PROVIDERS.stubFor(post(urlPathEqualTo(REPORT)).withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(json(200, ga4Report(sessions))));
    }

    static String ga4Report(Map<LocalDate, Integer> sessions) {
        StringBuilder rows = new StringBuilder();
        sessions.forEach((day, n) -> rows.append(rows.length() == 0 ? "" : ",").append("{\"dimensionValues\":[{\"value\":\"")
                .append(day.format(DateTimeFormatter.BASIC_ISO_DATE)).append("\"}],\"metricValues\":[{\"value\":\"").append(n)
                .append("\"},{\"value\":\"").append(n * 3).append(".5\"}]}"));
        return "{\"dimensionHeaders\":[{\"name\":\"date\"}],\"metricHeaders\":[{\"name\":\"sessions\",\"type\":\"TYPE_INTEGER\"},"
                + "{\"name\":\"totalRevenue\",\"type\":\"TYPE_CURRENCY\"}],\"rows\":[" + rows + "],\"rowCount\":" + sessions.size()
                + ",\"metadata\":{\"currencyCode\":\"EUR\",\"timeZone\":\"Europe/Berlin\"},\"kind\":\"analyticsData#runReport\"}";
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return json(200, body);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body);
    }

    private void awaitSyncs() throws InterruptedException {
        assertThat(runner.awaitIdle(Duration.ofSeconds(60))).as("background syncs finished").isTrue();
    }

    private static String cookieOf(HttpResponse<?> response) {
        String header = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(header).startsWith("wpm_oauth_");
        return header.substring(0, header.indexOf(';'));
    }

    private HttpResponse<Void> callback(String queryString, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/integrations/oauth/callback?" + queryString)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        return response;
    }

    private static Map<String, String> query(URI uri) {
        return form(uri.getRawQuery());
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static byte[] sha256(String value) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    }

    private long count(String integrationId, String event) {
        return jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type = ?", Long.class, integrationId, "com.webprometrics.events.integrations." + event);
    }

    private long positionOf(String integrationId, String event) {
        return jdbc.queryForObject("SELECT max(global_index) FROM event_store.domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type = ?", Long.class, integrationId, "com.webprometrics.events.integrations." + event);
    }

    private String lastPayload(String integrationId, String event) {
        return jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM event_store.domain_event_entry "
                + "WHERE aggregate_identifier = ? AND payload_type = ? ORDER BY global_index DESC LIMIT 1", String.class,
                integrationId, "com.webprometrics.events.integrations." + event);
    }

    private String metadata(String integrationId, String event) {
        return jdbc.queryForObject("SELECT convert_from(meta_data, 'UTF8') FROM event_store.domain_event_entry "
                + "WHERE aggregate_identifier = ? AND payload_type = ? ORDER BY global_index DESC LIMIT 1", String.class,
                integrationId, "com.webprometrics.events.integrations." + event);
    }

    private String payloadOn(String integrationId, LocalDate day) {
        return jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM event_store.domain_event_entry "
                + "WHERE aggregate_identifier = ? AND payload_type LIKE '%DailyMetricsRecorded' "
                + "AND convert_from(payload, 'UTF8')::jsonb ->> 'date' = ? ORDER BY global_index DESC LIMIT 1", String.class,
                integrationId, day.toString());
    }

    private HttpResponse<String> postJson(String path, String token, String json) throws Exception {
        return send("POST", path, token, json);
    }

    private HttpResponse<String> send(String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Keeps WireMock's near-miss reports (which print request bodies with test tokens) out of the captured log. */
    private static final class Silent implements Notifier {
        @Override
        public void info(String message) {
        }

        @Override
        public void error(String message) {
        }

        @Override
        public void error(String message, Throwable t) {
        }
    }
}
