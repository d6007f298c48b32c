package com.webprometrics.command.integrations.connectors.googleads;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.webprometrics.command.integrations.MetricsProvider.FetchRequest;
import com.webprometrics.command.integrations.MetricsProvider.Fetched;
import com.webprometrics.command.integrations.ProviderFailure;
import com.webprometrics.command.integrations.connectors.ConnectorKit;
import com.webprometrics.platform.web.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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

class GoogleAdsConnectorTest {
    private static final String STREAM = "/v26/customers/5550001234/googleAds:searchStream";
    private static final String SCOPE = "https://www.googleapis.com/auth/adwords";
    private static final LocalDate NOV_1 = LocalDate.parse("2026-11-01");
    private static final LocalDate NOV_3 = LocalDate.parse("2026-11-03");
    private static final FetchRequest THREE_DAYS = new FetchRequest(INTEGRATION, UUID.randomUUID(),
            Map.of("customerId", "5550001234", "loginCustomerId", "5550009999"), NOV_1, NOV_3);

    private final ConnectorKit kit = new ConnectorKit();
    private final GoogleAdsConnector ads = new GoogleAdsConnector(kit.googleApi, kit.properties);

    @AfterEach
    void stop() {
        kit.close();
    }

    private void goodGrant() {
        kit.grant("at-good", "rt-good", NOW.plus(Duration.ofMinutes(50)), SCOPE);
    }

    private void stream(int status, String body) {
        kit.wiremock.stubFor(post(urlPathEqualTo(STREAM)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body)));
    }

    private static Map<String, BigDecimal> day(Fetched fetched, LocalDate date) {
        return fetched.days().stream().filter(d -> d.date().equals(date)).findFirst().orElseThrow().metrics();
    }

    @Test
    void dailyAccountTotalsComeFromOneGaqlStreamWithCostInCurrencyUnits() {
        goodGrant();
        stream(200, payload("google-ads/searchstream-3-days.json"));

        Fetched fetched = ads.fetch(THREE_DAYS);

        assertThat(fetched.days()).hasSize(3);
        assertThat(day(fetched, NOV_1)).isEqualTo(Map.of("impressions", new BigDecimal("10412"), "clicks", new BigDecimal("214"),
                "cost", new BigDecimal("187.34"), "conversions", new BigDecimal("9.5"), "revenue", new BigDecimal("1240.75")));
        assertThat(day(fetched, NOV_3).get("conversions")).isEqualByComparingTo("11.25");
        assertThat(fetched.currency()).isEqualTo("EUR");
        assertThat(fetched.timeZone()).isEqualTo("Europe/Berlin");
        kit.wiremock.verify(exactly(1), postRequestedFor(urlPathEqualTo(STREAM))
                .withHeader("Authorization", equalTo("Bearer at-good"))
                .withHeader("login-customer-id", equalTo("5550009999"))
                .withHeader("developer-token", absent())
                .withRequestBody(matchingJsonPath("$.query", containing("metrics.cost_micros")))
                .withRequestBody(matchingJsonPath("$.query", containing("FROM customer")))
                .withRequestBody(matchingJsonPath("$.query",
                        containing("segments.date BETWEEN '2026-11-01' AND '2026-11-03'"))));
    }

    @Test
    void everyBatchOfTheStreamIsReadAndOmittedZeroFieldsCountAsZero() {
        goodGrant();
        stream(200, payload("google-ads/searchstream-2-batches.json"));

        Fetched fetched = ads.fetch(THREE_DAYS);

        assertThat(fetched.days()).hasSize(3);
        assertThat(day(fetched, NOV_3).get("cost")).as("never 1E+2").isEqualTo(new BigDecimal("100"));
        assertThat(day(fetched, NOV_3).get("conversions")).isZero();
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceAndTheCallRetried() {
        kit.grant("at-stale", "rt-good", NOW.plus(Duration.ofMinutes(50)), SCOPE);
        kit.wiremock.stubFor(post(urlPathEqualTo(STREAM)).withHeader("Authorization", equalTo("Bearer at-stale"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody(payload("google-ads/error-401-token-expired.json"))));
        kit.wiremock.stubFor(post(urlPathEqualTo(STREAM)).withHeader("Authorization", equalTo("Bearer at-fresh"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(payload("google-ads/searchstream-3-days.json"))));
        kit.wiremock.stubFor(post(urlPathEqualTo("/token")).withRequestBody(containing("refresh_token=rt-good"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(payload("google/token-refreshed-adwords.json"))));

        assertThat(ads.fetch(THREE_DAYS).days()).hasSize(3);

        kit.wiremock.verify(exactly(1), postRequestedFor(urlPathEqualTo("/token")));
        kit.wiremock.verify(exactly(2), postRequestedFor(urlPathEqualTo(STREAM)));
        assertThat(kit.storedGrant().accessToken()).isEqualTo("at-fresh");
    }

    @Test
    void aRevokedGrantFailsAsAuth() {
        kit.grant("at-stale", "rt-revoked", NOW.plus(Duration.ofMinutes(50)), SCOPE);
        stream(401, payload("google-ads/error-401-token-expired.json"));
        kit.wiremock.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(payload("google/token-invalid-grant.json"))));

        assertThat(failure(() -> ads.fetch(THREE_DAYS)).reason()).isEqualTo("auth");
        kit.wiremock.verify(exactly(1), postRequestedFor(urlPathEqualTo(STREAM)));
    }

    @Test
    void aThrottleWaitsTheRetryDelayGoogleAdsAsksFor() {
        goodGrant();
        kit.wiremock.stubFor(post(urlPathEqualTo(STREAM)).inScenario("ads-throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody(payload("google-ads/error-429-retry-1s.json")))
                .willSetStateTo("throttled-once"));
        kit.wiremock.stubFor(post(urlPathEqualTo(STREAM)).inScenario("ads-throttle").whenScenarioStateIs("throttled-once")
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(payload("google-ads/searchstream-3-days.json"))));

        assertThat(ads.fetch(THREE_DAYS).days()).hasSize(3);
        assertThat(kit.sleeps).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void aRetryDelayBeyondTheCeilingFailsAsQuotaWithoutSleeping() {
        goodGrant();
        stream(429, payload("google-ads/error-429-retry-5603s.json"));

        ProviderFailure failure = failure(() -> ads.fetch(THREE_DAYS));

        assertThat(failure.reason()).isEqualTo("quota");
        assertThat(failure.getMessage()).contains("Retry after 1h 33m 23s.");
        assertThat(kit.sleeps).isEmpty();
        kit.wiremock.verify(exactly(1), postRequestedFor(urlPathEqualTo(STREAM)));
    }

    @Test
    void anErrorInsideTheStreamArrayIsReadAsTransientAndGivenUpAfterTheAttempts() {
        goodGrant();
        stream(500, payload("google-ads/error-500-in-stream.json"));

        ProviderFailure failure = failure(() -> ads.fetch(THREE_DAYS));

        assertThat(failure.reason()).isEqualTo("provider");
        assertThat(failure.getMessage()).contains("Internal error encountered.");
        kit.wiremock.verify(exactly(4), postRequestedFor(urlPathEqualTo(STREAM)));
        assertThat(kit.sleeps).hasSize(3);
    }

    @Test
    void aMissingManagerOrLostAccessFailsAsPermission() {
        goodGrant();
        stream(403, payload("google-ads/error-403-user-permission-denied.json"));

        ProviderFailure failure = failure(() -> ads.fetch(THREE_DAYS));

        assertThat(failure.reason()).isEqualTo("permission");
        assertThat(failure.getMessage()).contains("login-customer-id");
        kit.wiremock.verify(exactly(1), postRequestedFor(urlPathEqualTo(STREAM)));
    }

    @Test
    void anEmptyStreamIsAWindowOfZeros() {
        goodGrant();
        stream(200, "[]");
        assertThat(ads.fetch(THREE_DAYS).days()).hasSize(3)
                .allSatisfy(day -> assertThat(day.metrics().values()).allSatisfy(v -> assertThat(v).isZero()));
    }

    @Test
    void customerIdsAreCheckedAndNormalizedOnConnect() {
        assertThat(ads.checkSettings(Map.of("customerId", "555-000-1234")))
                .containsEntry("customerId", "5550001234").doesNotContainKey("loginCustomerId");
        assertThat(ads.checkSettings(Map.of("customerId", "5550001234", "loginCustomerId", "555-000-9999")))
                .containsEntry("loginCustomerId", "5550009999");
        assertThatThrownBy(() -> ads.checkSettings(Map.of("customerId", "123"))).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> ads.checkSettings(Map.of("customerId", "5550001234", "loginCustomerId", "x")))
                .isInstanceOf(ProblemException.class);
    }
}
