package com.webprometrics.systemtests;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser scenarios that need stand-ins, on a stack of their own ({@code frontend/e2e/spa.e2e.mjs}, "With a
 * stand-in Google and mail server"):
 * <ul>
 * <li>the OAuth round trip: the SPA's "Connect Google Analytics 4" sends Chromium to a WireMock Google whose consent
 * page answers at once with a 302 back to the stack's callback (code + the same state, by response templating); the
 * callback, with the cookie the connect answer set in the browser, completes the grant and sends the browser to the
 * client page; the numbers the scenario expects are the ones stubbed here;</li>
 * <li>"Send now" e-mailed through a GreenMail SMTP server, and the exact delivered file downloaded again.</li>
 * </ul>
 */
class SpaOAuthBrowserTest {
    private static final String REPORT = "/v1beta/properties/412345678:runReport";
    private static final String AUTH_CODE = "browser-auth-code";
    private static final String ACCESS_TOKEN = "ya29.browser-access";

    private static WireMockServer google;
    private static GreenMail mail;
    private static Stack stack;

    @BeforeAll
    static void start() {
        google = new WireMockServer(wireMockConfig().dynamicPort().notifier(new Quiet()));
        google.start();
        mail = new GreenMail(new ServerSetup(Stack.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        // the browser comes back to this stack's gateway: its port is chosen before the stack starts
        int gatewayPort = Stack.freePort();
        stack = Stack.builder().name("oauth-browser").gatewayPort(gatewayPort)
                .env("WPM_GOOGLE_CLIENT_ID", "browser-e2e.apps.googleusercontent.com")
                .env("WPM_GOOGLE_CLIENT_SECRET", "browser-e2e-secret")
                .env("WPM_GOOGLE_AUTHORIZE_URL", google.baseUrl() + "/o/oauth2/v2/auth")
                .env("WPM_GOOGLE_TOKEN_URL", google.baseUrl() + "/token")
                .env("WPM_GOOGLE_REVOKE_URL", google.baseUrl() + "/revoke")
                .env("WPM_GA4_BASE_URL", google.baseUrl())
                .env("WPM_OAUTH_REDIRECT_URI", "http://localhost:" + gatewayPort + "/api/integrations/oauth/callback")
                .env("WPM_SMTP_HOST", "127.0.0.1")
                .env("WPM_SMTP_PORT", String.valueOf(mail.getSmtp().getPort()))
                .env("WPM_SMTP_FROM", "reports@wpm.test")
                .start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (google != null) {
            google.stop();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void browserScenariosWithStandInsPass() throws Exception {
        // Google's consent page, already agreed: straight back to the redirect URI with a code and the same state
        google.stubFor(get(urlPathEqualTo("/o/oauth2/v2/auth"))
                .withQueryParam("client_id", equalTo("browser-e2e.apps.googleusercontent.com"))
                .withQueryParam("code_challenge_method", equalTo("S256"))
                .withQueryParam("state", matching(".+"))
                .willReturn(aResponse().withStatus(302)
                        .withHeader("Location", "{{request.query.redirect_uri}}?code=" + AUTH_CODE
                                + "&state={{request.query.state}}&scope=https://www.googleapis.com/auth/analytics.readonly")
                        .withTransformers("response-template")));
        google.stubFor(post(urlPathEqualTo("/token")).withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code=" + AUTH_CODE))
                .willReturn(json("{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expires_in\":3599,"
                        + "\"refresh_token\":\"1//browser-refresh\",\"scope\":\"https://www.googleapis.com/auth/analytics.readonly\","
                        + "\"token_type\":\"Bearer\"}")));
        google.stubFor(post(urlPathEqualTo(REPORT)).withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .willReturn(json(report())));

        BrowserSuite.run(Map.of("WPM_STANDINS_BASE_URL", stack.baseUrl()), stack);

        google.verify(exactly(1), getRequestedFor(urlPathEqualTo("/o/oauth2/v2/auth")));
        google.verify(exactly(1), postRequestedFor(urlPathEqualTo("/token")));
        MimeMessage[] sent = mail.getReceivedMessages();
        assertThat(sent).as("the browser's Send now went out by e-mail").hasSize(1);
        assertThat(((InternetAddress) sent[0].getAllRecipients()[0]).getAddress()).isEqualTo("owner@lighthouse-dental.example");
    }

    /**
     * Three days ending the day before yesterday (UTC), so any agency time zone's "last 30 days" holds them:
     * 900 + 1,100 + 1,000 sessions and €1,200.25 + €1,800 + €1,500.50 revenue — what the browser scenario expects.
     */
    private static String report() {
        LocalDate last = LocalDate.now(ZoneOffset.UTC).minusDays(2);
        String[][] rows = {{last.minusDays(2).format(DateTimeFormatter.BASIC_ISO_DATE), "900", "700", "15", "1200.25"},
                {last.minusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE), "1100", "900", "25", "1800"},
                {last.format(DateTimeFormatter.BASIC_ISO_DATE), "1000", "800", "20", "1500.5"}};
        StringBuilder json = new StringBuilder("{\"dimensionHeaders\":[{\"name\":\"date\"}],\"metricHeaders\":["
                + "{\"name\":\"sessions\",\"type\":\"TYPE_INTEGER\"},{\"name\":\"totalUsers\",\"type\":\"TYPE_INTEGER\"},"
                + "{\"name\":\"keyEvents\",\"type\":\"TYPE_INTEGER\"},{\"name\":\"totalRevenue\",\"type\":\"TYPE_CURRENCY\"}],\"rows\":[");
        for (int i = 0; i < rows.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"dimensionValues\":[{\"value\":\"").append(rows[i][0])
                    .append("\"}],\"metricValues\":[");
            for (int m = 1; m < rows[i].length; m++) {
                json.append(m == 1 ? "" : ",").append("{\"value\":\"").append(rows[i][m]).append("\"}");
            }
            json.append("]}");
        }
        return json.append("],\"rowCount\":3,\"metadata\":{\"currencyCode\":\"EUR\",\"timeZone\":\"Europe/Berlin\"},"
                + "\"kind\":\"analyticsData#runReport\"}").toString();
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body);
    }

    private static final class Quiet implements Notifier {
        @Override
        public void info(String message) {
        }

        @Override
        public void error(String message) {
            System.err.println("[google stand-in] " + message);
        }

        @Override
        public void error(String message, Throwable t) {
            System.err.println("[google stand-in] " + message + ": " + t);
        }
    }
}
