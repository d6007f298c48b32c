package com.webprometrics.command.integrations.connectors.searchconsole;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.webprometrics.command.integrations.DayMetrics;
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

class SearchConsoleConnectorTest {
    private static final String QUERY = "/webmasters/v3/sites/sc-domain%3Aexample-shop.de/searchAnalytics/query";
    private static final String SCOPE = "https://www.googleapis.com/auth/webmasters.readonly";
    private static final LocalDate NOV_1 = LocalDate.parse("2026-11-01");
    private static final LocalDate NOV_3 = LocalDate.parse("2026-11-03");
    private static final FetchRequest THREE_DAYS = new FetchRequest(INTEGRATION, UUID.randomUUID(),
            Map.of("siteUrl", "sc-domain:example-shop.de"), NOV_1, NOV_3);

    private ConnectorKit kit = new ConnectorKit();
    private SearchConsoleConnector gsc = new SearchConsoleConnector(kit.googleApi, kit.properties);

    @AfterEach
    void stop() {
        kit.close();
    }

    private void goodGrant() {
        kit.grant("at-good", "rt-good", NOW.plus(Duration.ofMinutes(50)), SCOPE);
    }

    private void answer(int status, String body) {
        kit.wiremock.stubFor(post(urlPathEqualTo(QUERY)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body)));
    }

    @Test
    void organicNumbersPerDayInDateOrderWithPositionWeightedByImpressions() {
        goodGrant();
        answer(200, payload("search-console/query-3-days.json"));

        Fetched fetched = gsc.fetch(THREE_DAYS);

        assertThat(fetched.days()).extracting(DayMetrics::date).containsExactly(NOV_1, NOV_1.plusDays(1), NOV_3);
        assertThat(fetched.days().get(0).metrics()).isEqualTo(Map.of("organic_impressions", new BigDecimal("15873"),
                "organic_clicks", new BigDecimal("412"), "position_x_impressions", new BigDecimal("156666.51")));
        assertThat(fetched.days().get(0).metrics()).as("organic, never the paid impressions/clicks")
                .doesNotContainKeys("impressions", "clicks", "ctr", "position");
        assertThat(fetched.timeZone()).isEqualTo("America/Los_Angeles");
        assertThat(fetched.currency()).isNull();
        kit.wiremock.verify(exactly(1), postRequestedFor(urlPathEqualTo(QUERY))
                .withHeader("Authorization", equalTo("Bearer at-good"))
                .withRequestBody(matchingJsonPath("$.dimensions[0]", equalTo("date")))
                .withRequestBody(matchingJsonPath("$.dataState", equalTo("final")))
                .withRequestBody(matchingJsonPath("$.startDate", equalTo("2026-11-01")))
                .withRequestBody(matchingJsonPath("$.startRow", equalTo("0"))));
    }

    @Test
    void pagesAreReadByStartRowUntilAShortPage() {
        kit.close();
        kit = new ConnectorKit(4, Duration.ofMinutes(5), 2);
        gsc = new SearchConsoleConnector(kit.googleApi, kit.properties);
        goodGrant();
        kit.wiremock.stubFor(post(urlPathEqualTo(QUERY)).withRequestBody(matchingJsonPath("$.startRow", equalTo("0")))
                .withRequestBody(matchingJsonPath("$.rowLimit", equalTo("2")))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(payload("search-console/query-page-1.json"))));
        kit.wiremock.stubFor(post(urlPathEqualTo(QUERY)).withRequestBody(matchingJsonPath("$.startRow", equalTo("2")))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(payload("search-console/query-page-2.json"))));

        Fetched fetched = gsc.fetch(THREE_DAYS);

        assertThat(fetched.days()).hasSize(3);
        assertThat(fetched.days().get(1).metrics().get("organic_clicks")).isEqualByComparingTo("389");
        kit.wiremock.verify(exactly(2), postRequestedFor(urlPathEqualTo(QUERY)));
    }

    @Test
    void daysAfterTheLastReportedOneAreNotRecordedAsZeros() {
        goodGrant();
        answer(200, payload("search-console/query-lagging.json"));
        assertThat(gsc.fetch(THREE_DAYS).days()).extracting(DayMetrics::date).containsExactly(NOV_1);

        answer(200, "{\"responseAggregationType\":\"byProperty\"}");
        assertThat(gsc.fetch(THREE_DAYS).days()).as("nothing final yet").isEmpty();
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceAndTheCallRetried() {
        kit.grant("at-stale", "rt-good", NOW.plus(Duration.ofMinutes(50)), SCOPE);
        kit.wiremock.stubFor(post(urlPathEqualTo(QUERY)).withHeader("Authorization", equalTo("Bearer at-stale"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody(payload("google/error-401-unauthenticated.json"))));
        kit.wiremock.stubFor(post(urlPathEqualTo(QUERY)).withHeader("Authorization", equalTo("Bearer at-fresh"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(payload("search-console/query-3-days.json"))));
        kit.wiremock.stubFor(post(urlPathEqualTo("/token")).withRequestBody(containing("refresh_token=rt-good"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(payload("google/token-refreshed-webmasters.json"))));

        assertThat(gsc.fetch(THREE_DAYS).days()).hasSize(3);
        kit.wiremock.verify(exactly(1), postRequestedFor(urlPathEqualTo("/token")));
        kit.wiremock.verify(exactly(2), postRequestedFor(urlPathEqualTo(QUERY)));
    }

    @Test
    void aRevokedGrantFailsAsAuth() {
        kit.grant("at-stale", "rt-revoked", NOW.plus(Duration.ofMinutes(50)), SCOPE);
        answer(401, payload("google/error-401-unauthenticated.json"));
        kit.wiremock.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(payload("google/token-invalid-grant.json"))));

        assertThat(failure(() -> gsc.fetch(THREE_DAYS)).reason()).isEqualTo("auth");
    }

    @Test
    void a429IsRetriedAfterTheAskedWait() {
        goodGrant();
        kit.wiremock.stubFor(post(urlPathEqualTo(QUERY)).inScenario("quota").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withHeader("Content-Type", "application/json")
                        .withBody(payload("search-console/error-429-quota.json")))
                .willSetStateTo("throttled-once"));
        kit.wiremock.stubFor(post(urlPathEqualTo(QUERY)).inScenario("quota").whenScenarioStateIs("throttled-once")
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(payload("search-console/query-3-days.json"))));

        assertThat(gsc.fetch(THREE_DAYS).days()).hasSize(3);
        assertThat(kit.sleeps).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void aPersistentQuotaFailsAsQuotaAfterTheAttempts() {
        goodGrant();
        answer(429, payload("search-console/error-429-quota.json"));

        ProviderFailure failure = failure(() -> gsc.fetch(THREE_DAYS));

        assertThat(failure.reason()).isEqualTo("quota");
        kit.wiremock.verify(exactly(4), postRequestedFor(urlPathEqualTo(QUERY)));
        assertThat(kit.sleeps).hasSize(3);
    }

    @Test
    void aWaitLongerThanTheCeilingFailsAsQuotaWithoutSleeping() {
        goodGrant();
        kit.wiremock.stubFor(post(urlPathEqualTo(QUERY)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "900")
                .withHeader("Content-Type", "application/json").withBody(payload("search-console/error-429-quota.json"))));

        ProviderFailure failure = failure(() -> gsc.fetch(THREE_DAYS));

        assertThat(failure.reason()).isEqualTo("quota");
        assertThat(failure.getMessage()).endsWith("Retry after 15m.");
        assertThat(kit.sleeps).isEmpty();
        kit.wiremock.verify(exactly(1), postRequestedFor(urlPathEqualTo(QUERY)));
    }

    @Test
    void persistentServerErrorsGiveUp() {
        goodGrant();
        answer(503, payload("google/error-503-unavailable.json"));
        assertThat(failure(() -> gsc.fetch(THREE_DAYS)).reason()).isEqualTo("provider");
        kit.wiremock.verify(exactly(4), postRequestedFor(urlPathEqualTo(QUERY)));
    }

    @Test
    void lostAccessToTheSiteFailsAsPermission() {
        goodGrant();
        answer(403, payload("search-console/error-403-site.json"));

        ProviderFailure failure = failure(() -> gsc.fetch(THREE_DAYS));

        assertThat(failure.reason()).isEqualTo("permission");
        assertThat(failure.getMessage()).contains("sc-domain:example-shop.de");
        kit.wiremock.verify(exactly(1), postRequestedFor(urlPathEqualTo(QUERY)));
    }

    @Test
    void theSiteIsCheckedOnConnectAndAUrlPrefixIsEncodedAsOneSegment() {
        assertThat(gsc.checkSettings(Map.of("siteUrl", " https://www.example-shop.de/ "))).containsEntry("siteUrl",
                "https://www.example-shop.de/");
        assertThatThrownBy(() -> gsc.checkSettings(Map.of("siteUrl", "example-shop.de"))).isInstanceOf(ProblemException.class);

        goodGrant();
        kit.wiremock.stubFor(post(urlPathEqualTo("/webmasters/v3/sites/https%3A%2F%2Fwww.example-shop.de%2F/searchAnalytics/query"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(payload("search-console/query-3-days.json"))));
        assertThat(gsc.fetch(new FetchRequest(INTEGRATION, UUID.randomUUID(), Map.of("siteUrl", "https://www.example-shop.de/"),
                NOV_1, NOV_3)).days()).hasSize(3);
    }
}
