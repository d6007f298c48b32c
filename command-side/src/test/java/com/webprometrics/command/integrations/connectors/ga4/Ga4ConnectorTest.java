package com.webprometrics.command.integrations.connectors.ga4;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.webprometrics.command.integrations.DayMetrics;
import com.webprometrics.command.integrations.MetricsProvider.FetchRequest;
import com.webprometrics.command.integrations.MetricsProvider.Fetched;
import com.webprometrics.command.integrations.ProviderFailure;
import com.webprometrics.command.integrations.connectors.ConnectorKit;
import com.webprometrics.command.integrations.http.SyncDeadline;
import com.webprometrics.platform.web.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.webprometrics.command.integrations.connectors.ConnectorKit.INTEGRATION;
import static com.webprometrics.command.integrations.connectors.ConnectorKit.NOW;
import static com.webprometrics.command.integrations.connectors.ConnectorKit.failure;
import static com.webprometrics.command.integrations.connectors.ConnectorKit.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Ga4ConnectorTest {
    private static final String REPORT = "/v1beta/properties/412345678:runReport";
    private static final String SCOPE = "https://www.googleapis.com/auth/analytics.readonly";
    private static final LocalDate NOV_1 = LocalDate.parse("2026-11-01");
    private static final LocalDate NOV_3 = LocalDate.parse("2026-11-03");
    private static final FetchRequest THREE_DAYS = new FetchRequest(INTEGRATION, UUID.randomUUID(),
            Map.of("propertyId", "412345678"), NOV_1, NOV_3);

    private ConnectorKit kit = new ConnectorKit();
    private Ga4Connector ga4 = new Ga4Connector(kit.googleApi, kit.properties);

    @AfterEach
    void stop() {
        kit.close();
    }

    private void use(ConnectorKit other) {
        kit.close();
        kit = other;
        ga4 = new Ga4Connector(kit.googleApi, kit.properties);
    }

    private void goodGrant() {
        kit.grant("at-good", "rt-good", NOW.plus(Duration.ofMinutes(50)), SCOPE);
    }

    private void report(String bearer, int status, String body) {
        kit.wiremock.stubFor(post(urlPathEqualTo(REPORT)).withHeader("Authorization", equalTo("Bearer " + bearer))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8")
                        .withBody(body)));
    }

    private static BigDecimal value(Fetched fetched, LocalDate day, String metric) {
        return fetched.days().stream().filter(d -> d.date().equals(day)).findFirst().orElseThrow().metrics().get(metric);
    }

    @Test
    void threeDaysComeBackInOurVocabularyWithTheirCurrencyAndTimeZone() {
        goodGrant();
        report("at-good", 200, payload("ga4/run-report-3-days.json"));

        Fetched fetched = ga4.fetch(THREE_DAYS);

        assertThat(fetched.days()).extracting(DayMetrics::date).containsExactly(NOV_1, NOV_1.plusDays(1), NOV_3);
        assertThat(fetched.days().get(0).metrics()).isEqualTo(Map.of("sessions", new BigDecimal("1843"),
                "users", new BigDecimal("1502"), "new_users", new BigDecimal("611"), "engaged_sessions", new BigDecimal("1211"),
                "page_views", new BigDecimal("5120"), "engagement_seconds", new BigDecimal("98812"),
                "conversions", new BigDecimal("37"), "revenue", new BigDecimal("2911.45"),
                "transactions", new BigDecimal("31"), "add_to_carts", new BigDecimal("204")));
        assertThat(value(fetched, NOV_3, "revenue")).isEqualByComparingTo("2580.9");
        assertThat(fetched.currency()).isEqualTo("EUR");
        assertThat(fetched.timeZone()).isEqualTo("Europe/Berlin");
        kit.wiremock.verify(exactly(1), postRequestedFor(urlPathEqualTo(REPORT))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(matchingJsonPath("$.dateRanges[0].startDate", equalTo("2026-11-01")))
                .withRequestBody(matchingJsonPath("$.dateRanges[0].endDate", equalTo("2026-11-03")))
                .withRequestBody(matchingJsonPath("$.dimensions[0].name", equalTo("date")))
                .withRequestBody(matchingJsonPath("$.metrics[?(@.name == 'keyEvents')]"))
                .withRequestBody(matchingJsonPath("$.metrics.length()", equalTo("10")))
                .withRequestBody(matchingJsonPath("$.offset", equalTo("0"))));
    }

    @Test
    void pagesAreReadByOffsetUntilTheRowCountAndValuesMatchedByHeaderName() {
        use(new ConnectorKit(4, Duration.ofMinutes(5), 2));
        goodGrant();
        kit.wiremock.stubFor(post(urlPathEqualTo(REPORT)).withRequestBody(matchingJsonPath("$.offset", equalTo("0")))
                .withRequestBody(matchingJsonPath("$.limit", equalTo("2")))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(payload("ga4/run-report-page-1.json"))));
        kit.wiremock.stubFor(post(urlPathEqualTo(REPORT)).withRequestBody(matchingJsonPath("$.offset", equalTo("2")))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(payload("ga4/run-report-page-2.json"))));

        Fetched fetched = ga4.fetch(THREE_DAYS);

        assertThat(fetched.days()).hasSize(3);
        assertThat(value(fetched, NOV_3, "sessions")).isEqualByComparingTo("1655");
        assertThat(value(fetched, NOV_3, "add_to_carts")).as("page 2 lists its headers in another order").isEqualByComparingTo("176");
        kit.wiremock.verify(exactly(2), postRequestedFor(urlPathEqualTo(REPORT)));
    }

    @Test
    void aDayTheProviderLeftOutIsRecordedAsZeros() {
        goodGrant();
        report("at-good", 200, payload("ga4/run-report-gap.json"));

        Fetched fetched = ga4.fetch(THREE_DAYS);

        assertThat(fetched.days()).hasSize(3);
        assertThat(fetched.days().get(1).metrics()).hasSize(10).allSatisfy((metric, v) -> assertThat(v).isZero());
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceAndTheCallRetried() {
        kit.grant("at-stale", "rt-good", NOW.plus(Duration.ofMinutes(50)), SCOPE);
        report("at-stale", 401, payload("google/error-401-unauthenticated.json"));
        report("at-fresh", 200, payload("ga4/run-report-3-days.json"));
        kit.wiremock.stubFor(post(urlPathEqualTo("/token"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("grant_type=refresh_token")).withRequestBody(containing("refresh_token=rt-good"))
                .withRequestBody(containing("client_secret=test-google-secret"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(payload("google/token-refreshed.json"))));

        assertThat(ga4.fetch(THREE_DAYS).days()).hasSize(3);

        kit.wiremock.verify(exactly(1), postRequestedFor(urlPathEqualTo("/token")));
        kit.wiremock.verify(exactly(2), postRequestedFor(urlPathEqualTo(REPORT)));
        assertThat(kit.storedGrant().accessToken()).as("the new token is stored").isEqualTo("at-fresh");
        assertThat(kit.storedGrant().refreshToken()).as("Google sent no new refresh token: keep ours").isEqualTo("rt-good");
        assertThat(kit.storedGrant().expiresAt()).isEqualTo(NOW.plusSeconds(3599));
        assertThat(kit.sleeps).isEmpty();
    }

    @Test
    void aTokenAboutToExpireIsRefreshedBeforeTheCall() {
        kit.grant("at-stale", "rt-good", NOW.plusSeconds(30), SCOPE);
        report("at-fresh", 200, payload("ga4/run-report-3-days.json"));
        kit.wiremock.stubFor(post(urlPathEqualTo("/token")).withRequestBody(containing("refresh_token=rt-good"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(payload("google/token-refreshed.json"))));

        assertThat(ga4.fetch(THREE_DAYS).days()).hasSize(3);

        kit.wiremock.verify(exactly(1), postRequestedFor(urlPathEqualTo(REPORT)).withHeader("Authorization", equalTo("Bearer at-fresh")));
        kit.wiremock.verify(exactly(0), postRequestedFor(urlPathEqualTo(REPORT)).withHeader("Authorization", equalTo("Bearer at-stale")));
    }

    @Test
    void aRevokedGrantFailsAsAuthAndAsksToReconnect() {
        kit.grant("at-stale", "rt-revoked", NOW.plus(Duration.ofMinutes(50)), SCOPE);
        report("at-stale", 401, payload("google/error-401-unauthenticated.json"));
        kit.wiremock.stubFor(post(urlPathEqualTo("/token")).withRequestBody(containing("refresh_token=rt-revoked"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(payload("google/token-invalid-grant.json"))));

        ProviderFailure failure = failure(() -> ga4.fetch(THREE_DAYS));

        assertThat(failure.reason()).isEqualTo("auth");
        assertThat(failure.getMessage()).isEqualTo("authorization revoked or expired, reconnect");
        kit.wiremock.verify(exactly(1), postRequestedFor(urlPathEqualTo(REPORT)));
        kit.wiremock.verify(exactly(1), postRequestedFor(urlPathEqualTo("/token")));
    }

    @Test
    void aGrantWithoutCredentialsFailsAsAuth() {
        assertThat(failure(() -> ga4.fetch(THREE_DAYS)).reason()).isEqualTo("auth");
        kit.wiremock.verify(exactly(0), postRequestedFor(urlPathEqualTo(REPORT)));
    }

    @Test
    void a429WithRetryAfterIsWaitedOutAndRetried() {
        goodGrant();
        kit.wiremock.stubFor(post(urlPathEqualTo(REPORT)).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withHeader("Content-Type", "application/json")
                        .withBody(payload("google/error-429-concurrent.json")))
                .willSetStateTo("throttled-once"));
        kit.wiremock.stubFor(post(urlPathEqualTo(REPORT)).inScenario("throttle").whenScenarioStateIs("throttled-once")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(payload("ga4/run-report-3-days.json"))));

        assertThat(ga4.fetch(THREE_DAYS).days()).hasSize(3);

        assertThat(kit.sleeps).containsExactly(Duration.ofSeconds(1));
        kit.wiremock.verify(exactly(2), postRequestedFor(urlPathEqualTo(REPORT)));
    }

    @Test
    void aWaitBeyondTheSyncsTimeLimitFailsAsQuotaWithoutWaiting() {
        goodGrant();
        kit.wiremock.stubFor(post(urlPathEqualTo(REPORT)).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "60").withHeader("Content-Type", "application/json")
                .withBody(payload("google/error-429-concurrent.json"))));

        ProviderFailure failure = failure(() -> SyncDeadline.runBefore(NOW.plusSeconds(30), () -> ga4.fetch(THREE_DAYS)));

        assertThat(failure.reason()).isEqualTo("quota");
        assertThat(failure.getMessage()).endsWith("Retry after 1m.");
        assertThat(kit.sleeps).isEmpty();
        kit.wiremock.verify(exactly(1), postRequestedFor(urlPathEqualTo(REPORT)));
    }

    @Test
    void noRequestIsSentOnceTheSyncsTimeIsUp() {
        goodGrant();
        report("at-good", 200, payload("ga4/run-report-3-days.json"));

        ProviderFailure failure = failure(() -> SyncDeadline.runBefore(NOW.plusSeconds(2), () -> ga4.fetch(THREE_DAYS)));

        assertThat(failure.reason()).isEqualTo("provider");
        assertThat(failure.getMessage()).contains("too slowly to finish the sync in its time limit");
        kit.wiremock.verify(exactly(0), postRequestedFor(urlPathEqualTo(REPORT)));
    }

    @Test
    void aServerErrorIsRetriedWithBackoff() {
        goodGrant();
        kit.wiremock.stubFor(post(urlPathEqualTo(REPORT)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody(payload("google/error-500-internal.json")))
                .willSetStateTo("failed-once"));
        kit.wiremock.stubFor(post(urlPathEqualTo(REPORT)).inScenario("flaky").whenScenarioStateIs("failed-once")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(payload("ga4/run-report-3-days.json"))));

        assertThat(ga4.fetch(THREE_DAYS).days()).hasSize(3);
        assertThat(kit.sleeps).hasSize(1).allSatisfy(d -> assertThat(d).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2)));
    }

    @Test
    void persistentServerErrorsGiveUpAfterTheConfiguredAttempts() {
        goodGrant();
        report("at-good", 503, payload("google/error-503-unavailable.json"));

        ProviderFailure failure = failure(() -> ga4.fetch(THREE_DAYS));

        assertThat(failure.reason()).isEqualTo("provider");
        assertThat(failure.getMessage()).contains("failed 4 times", "The service is currently unavailable.");
        kit.wiremock.verify(exactly(4), postRequestedFor(urlPathEqualTo(REPORT)));
        assertThat(kit.sleeps).as("exponential: 2 s, 4 s, 8 s, half of each jittered").hasSize(3);
        assertThat(kit.sleeps.get(2)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
    }

    @Test
    void aWaitLongerThanTheCeilingFailsAsQuotaWithoutSleeping() {
        goodGrant();
        kit.wiremock.stubFor(post(urlPathEqualTo(REPORT)).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "3600").withHeader("Content-Type", "application/json")
                .withBody(payload("google/error-429-concurrent.json"))));

        ProviderFailure failure = failure(() -> ga4.fetch(THREE_DAYS));

        assertThat(failure.reason()).isEqualTo("quota");
        assertThat(failure.getMessage()).endsWith("Retry after 1h.");
        assertThat(kit.sleeps).isEmpty();
        kit.wiremock.verify(exactly(1), postRequestedFor(urlPathEqualTo(REPORT)));
    }

    @Test
    void anExhaustedDailyBudgetFailsAsQuotaAtOnce() {
        goodGrant();
        report("at-good", 429, payload("google/error-429-tokens-per-day.json"));

        ProviderFailure failure = failure(() -> ga4.fetch(THREE_DAYS));

        assertThat(failure.reason()).isEqualTo("quota");
        assertThat(failure.getMessage()).contains("Exhausted property tokens per day");
        assertThat(kit.sleeps).isEmpty();
        kit.wiremock.verify(exactly(1), postRequestedFor(urlPathEqualTo(REPORT)));
    }

    @Test
    void lostAccessToThePropertyFailsAsPermissionWithoutRetry() {
        goodGrant();
        report("at-good", 403, payload("google/error-403-permission-denied.json"));

        ProviderFailure failure = failure(() -> ga4.fetch(THREE_DAYS));

        assertThat(failure.reason()).isEqualTo("permission");
        assertThat(failure.getMessage()).contains("User does not have sufficient permissions for this property");
        kit.wiremock.verify(exactly(1), postRequestedFor(urlPathEqualTo(REPORT)));
    }

    @Test
    void aRejectedRequestFailsAsInvalidWithoutRetry() {
        goodGrant();
        report("at-good", 400, payload("google/error-400-invalid-argument.json"));

        assertThat(failure(() -> ga4.fetch(THREE_DAYS)).reason()).isEqualTo("invalid");
        kit.wiremock.verify(exactly(1), postRequestedFor(urlPathEqualTo(REPORT)));
    }

    @Test
    void thePropertyIdIsCheckedOnConnect() {
        assertThat(ga4.checkSettings(Map.of("propertyId", " properties/412345678 "))).containsEntry("propertyId", "412345678");
        assertThatThrownBy(() -> ga4.checkSettings(Map.of("propertyId", "UA-1234-1"))).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> ga4.checkSettings(Map.of())).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.fieldErrors()).extracting(f -> f.get("field")).containsExactly("settings.propertyId"));
    }

    @Test
    void anEmptyReportIsAWindowOfZeros() {
        goodGrant();
        report("at-good", 200, "{\"kind\":\"analyticsData#runReport\"}");
        assertThat(ga4.fetch(THREE_DAYS).days()).hasSize(3)
                .allSatisfy(day -> assertThat(day.metrics().values()).allSatisfy(v -> assertThat(v).isZero()));
    }
}
