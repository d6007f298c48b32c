package com.webprometrics.command.integrations.connectors.meta;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.webprometrics.command.integrations.MetricsProvider.FetchRequest;
import com.webprometrics.command.integrations.MetricsProvider.Fetched;
import com.webprometrics.command.integrations.ProviderFailure;
import com.webprometrics.command.integrations.connectors.ConnectorKit;
import com.webprometrics.platform.web.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.webprometrics.command.integrations.connectors.ConnectorKit.INTEGRATION;
import static com.webprometrics.command.integrations.connectors.ConnectorKit.NOW;
import static com.webprometrics.command.integrations.connectors.ConnectorKit.failure;
import static com.webprometrics.command.integrations.connectors.ConnectorKit.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetaAdsConnectorTest {
    private static final String INSIGHTS = "/v27.0/act_1029384756/insights";
    private static final LocalDate NOV_1 = LocalDate.parse("2026-11-01");
    private static final LocalDate NOV_3 = LocalDate.parse("2026-11-03");
    private static final FetchRequest THREE_DAYS = new FetchRequest(INTEGRATION, UUID.randomUUID(),
            Map.of("adAccountId", "act_1029384756"), NOV_1, NOV_3);
    private static final String USAGE_BLOCKED_45_MIN = "{\"1029384756\":[{\"type\":\"ads_insights\",\"call_count\":100,"
            + "\"total_cputime\":31,\"total_time\":40,\"estimated_time_to_regain_access\":45}]}";

    private ConnectorKit kit = new ConnectorKit();
    private MetaAdsConnector meta = connector();

    @AfterEach
    void stop() {
        kit.close();
    }

    private MetaAdsConnector connector() {
        return new MetaAdsConnector(kit.http, kit.grants, kit.meta, kit.properties);
    }

    private void longLivedToken() {
        kit.grant("EAAGlongLived", null, NOW.plus(Duration.ofDays(59)), "ads_read");
    }

    private void insights(int status, String body) {
        kit.wiremock.stubFor(get(urlPathEqualTo(INSIGHTS)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body)));
    }

    private static Map<String, BigDecimal> day(Fetched fetched, LocalDate date) {
        return fetched.days().stream().filter(d -> d.date().equals(date)).findFirst().orElseThrow().metrics();
    }

    @Test
    void accountInsightsPerDayWithOnePurchaseTypeNeverSummed() throws Exception {
        longLivedToken();
        insights(200, payload("meta/insights-3-days.json"));

        Fetched fetched = meta.fetch(THREE_DAYS);

        assertThat(fetched.days()).hasSize(3);
        assertThat(day(fetched, NOV_1)).isEqualTo(Map.of("impressions", new BigDecimal("8420"), "clicks", new BigDecimal("236"),
                "link_clicks", new BigDecimal("201"), "cost", new BigDecimal("98.42"), "conversions", new BigDecimal("6"),
                "revenue", new BigDecimal("512.8"), "leads", new BigDecimal("3"), "add_to_carts", new BigDecimal("19"),
                "video_views", new BigDecimal("1530")));
        assertThat(day(fetched, NOV_3).get("conversions")).as("only 'purchase' reported that day").isEqualByComparingTo("7");
        assertThat(day(fetched, NOV_3).get("leads")).isZero();
        assertThat(fetched.currency()).isEqualTo("EUR");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("test-meta-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String proof = HexFormat.of().formatHex(mac.doFinal("EAAGlongLived".getBytes(StandardCharsets.UTF_8)));
        kit.wiremock.verify(exactly(1), getRequestedFor(urlPathEqualTo(INSIGHTS))
                .withQueryParam("access_token", equalTo("EAAGlongLived"))
                .withQueryParam("appsecret_proof", equalTo(proof))
                .withQueryParam("level", equalTo("account"))
                .withQueryParam("time_increment", equalTo("1"))
                .withQueryParam("time_range", equalTo("{\"since\":\"2026-11-01\",\"until\":\"2026-11-03\"}")));
    }

    @Test
    void pagesFollowTheNextLinkOnTheConfiguredHost() {
        kit.close();
        kit = new ConnectorKit(4, Duration.ofMinutes(5), 2);
        meta = connector();
        longLivedToken();
        kit.wiremock.stubFor(get(urlPathEqualTo(INSIGHTS)).withQueryParam("after", absent())
                .withQueryParam("limit", equalTo("2"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(payload("meta/insights-page-1.json"))));
        kit.wiremock.stubFor(get(urlPathEqualTo(INSIGHTS)).withQueryParam("after", equalTo("MQZDZD"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(payload("meta/insights-page-2.json"))));

        Fetched fetched = meta.fetch(THREE_DAYS);

        assertThat(fetched.days()).hasSize(3);
        assertThat(day(fetched, NOV_3).get("cost")).isEqualByComparingTo("104.33");
        kit.wiremock.verify(exactly(2), getRequestedFor(urlPathEqualTo(INSIGHTS)));
    }

    @Test
    void anExpiredTokenFailsAsAuthWithoutRetryBecauseMetaHasNoRefresh() {
        longLivedToken();
        insights(400, payload("meta/error-190-expired.json"));

        ProviderFailure failure = failure(() -> meta.fetch(THREE_DAYS));

        assertThat(failure.reason()).isEqualTo("auth");
        assertThat(failure.getMessage()).isEqualTo("authorization revoked or expired, reconnect");
        kit.wiremock.verify(exactly(1), getRequestedFor(anyUrl()));
        assertThat(kit.sleeps).isEmpty();
    }

    @Test
    void aLongLivedTokenPastItsExpiryIsNotEvenTried() {
        kit.grant("EAAGlongLived", null, NOW.minusSeconds(1), "ads_read");
        assertThat(failure(() -> meta.fetch(THREE_DAYS)).reason()).isEqualTo("auth");
        kit.wiremock.verify(exactly(0), getRequestedFor(anyUrl()));
    }

    @Test
    void aThrottleWithRetryAfterIsWaitedOut() {
        longLivedToken();
        kit.wiremock.stubFor(get(urlPathEqualTo(INSIGHTS)).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withHeader("Retry-After", "1")
                        .withHeader("X-Business-Use-Case-Usage", "{\"1029384756\":[{\"type\":\"ads_insights\",\"call_count\":100,"
                                + "\"total_cputime\":20,\"total_time\":20,\"estimated_time_to_regain_access\":0}]}")
                        .withHeader("Content-Type", "application/json").withBody(payload("meta/error-80000-throttled.json")))
                .willSetStateTo("throttled-once"));
        kit.wiremock.stubFor(get(urlPathEqualTo(INSIGHTS)).inScenario("throttle").whenScenarioStateIs("throttled-once")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(payload("meta/insights-3-days.json"))));

        assertThat(meta.fetch(THREE_DAYS).days()).hasSize(3);
        assertThat(kit.sleeps).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void aThrottleWithoutAnyHintBacksOffAtLeastHalfAMinute() {
        longLivedToken();
        kit.wiremock.stubFor(get(urlPathEqualTo(INSIGHTS)).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(payload("meta/error-80000-throttled.json")))
                .willSetStateTo("throttled-once"));
        kit.wiremock.stubFor(get(urlPathEqualTo(INSIGHTS)).inScenario("throttle").whenScenarioStateIs("throttled-once")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(payload("meta/insights-3-days.json"))));

        assertThat(meta.fetch(THREE_DAYS).days()).hasSize(3);
        assertThat(kit.sleeps).hasSize(1).allSatisfy(d -> assertThat(d).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60)));
    }

    @Test
    void aBlockedAdAccountFailsAsQuotaWithMetasOwnEstimate() {
        longLivedToken();
        kit.wiremock.stubFor(get(urlPathEqualTo(INSIGHTS)).willReturn(aResponse().withStatus(400)
                .withHeader("X-Business-Use-Case-Usage", USAGE_BLOCKED_45_MIN)
                .withHeader("Content-Type", "application/json").withBody(payload("meta/error-80000-throttled.json"))));

        ProviderFailure failure = failure(() -> meta.fetch(THREE_DAYS));

        assertThat(failure.reason()).isEqualTo("quota");
        assertThat(failure.getMessage()).contains("(#80000)", "Retry after 45m.");
        assertThat(kit.sleeps).isEmpty();
        kit.wiremock.verify(exactly(1), getRequestedFor(anyUrl()));
    }

    @Test
    void aTransientErrorIsRetried() {
        longLivedToken();
        kit.wiremock.stubFor(get(urlPathEqualTo(INSIGHTS)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody(payload("meta/error-2-transient.json")))
                .willSetStateTo("failed-once"));
        kit.wiremock.stubFor(get(urlPathEqualTo(INSIGHTS)).inScenario("flaky").whenScenarioStateIs("failed-once")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(payload("meta/insights-3-days.json"))));

        assertThat(meta.fetch(THREE_DAYS).days()).hasSize(3);
        kit.wiremock.verify(exactly(2), getRequestedFor(urlPathEqualTo(INSIGHTS)));
    }

    @Test
    void persistentServerErrorsGiveUpAfterTheConfiguredAttempts() {
        longLivedToken();
        insights(503, "<html>Service Unavailable</html>");

        assertThat(failure(() -> meta.fetch(THREE_DAYS)).reason()).isEqualTo("provider");
        kit.wiremock.verify(exactly(4), getRequestedFor(urlPathEqualTo(INSIGHTS)));
    }

    @Test
    void aMissingPermissionFailsAsPermissionWithoutRetry() {
        longLivedToken();
        insights(400, payload("meta/error-200-permission.json"));

        ProviderFailure failure = failure(() -> meta.fetch(THREE_DAYS));

        assertThat(failure.reason()).isEqualTo("permission");
        assertThat(failure.getMessage()).contains("ads_read");
        kit.wiremock.verify(exactly(1), getRequestedFor(anyUrl()));
    }

    @Test
    void anInvalidParameterFailsAsInvalid() {
        longLivedToken();
        insights(400, payload("meta/error-100-invalid.json"));
        assertThat(failure(() -> meta.fetch(THREE_DAYS)).reason()).isEqualTo("invalid");
    }

    @Test
    void anEmptyRangeIsAWindowOfZeros() {
        longLivedToken();
        insights(200, "{\"data\": []}");
        assertThat(meta.fetch(THREE_DAYS).days()).hasSize(3)
                .allSatisfy(day -> assertThat(day.metrics().values()).allSatisfy(v -> assertThat(v).isZero()));
    }

    @Test
    void theAdAccountIsCheckedOnConnect() {
        assertThat(meta.checkSettings(Map.of("adAccountId", "1029384756"))).containsEntry("adAccountId", "act_1029384756");
        assertThat(meta.checkSettings(Map.of("adAccountId", "act_1029384756"))).containsEntry("adAccountId", "act_1029384756");
        assertThatThrownBy(() -> meta.checkSettings(Map.of("adAccountId", "act_x"))).isInstanceOf(ProblemException.class);
    }
}
