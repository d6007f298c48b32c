package com.webprometrics.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class RoutingTest extends StandardGatewayTest {

    @Test
    void readsGoToQuerySideWithPathAndQueryUnchanged() {
        HttpResponse<String> response = send(req("/api/clients/42?status=active&q=a%20b%26c&x=%2F")
                .header("Authorization", bearer(TOKENS.token("VIEWER"))));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode echo = json(response);
        assertThat(echo.path("service").asString()).isEqualTo("query");
        assertThat(echo.path("method").asString()).isEqualTo("GET");
        assertThat(echo.path("path").asString()).isEqualTo("/api/clients/42");
        assertThat(echo.path("rawQuery").asString()).isEqualTo("status=active&q=a%20b%26c&x=%2F");
        assertThat(response.headers().firstValue("X-Backend")).hasValue("query");
    }

    @Test
    void headGoesToQuerySide() {
        HttpResponse<String> response = send(req("/api/dashboard").method("HEAD", BodyPublishers.noBody())
                .header("Authorization", bearer(TOKENS.token("VIEWER"))));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Backend")).hasValue("query");
    }

    @Test
    void mutationsGoToCommandSideWithBody() {
        String token = TOKENS.token("OWNER");
        for (String method : new String[] { "POST", "PUT", "PATCH", "DELETE" }) {
            HttpResponse<String> response = send(req("/api/clients/7?v=1")
                    .method(method, BodyPublishers.ofString("{\"name\":\"Acme\"}"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", bearer(token)));
            assertThat(response.statusCode()).as(method).isEqualTo(200);
            JsonNode echo = json(response);
            assertThat(echo.path("service").asString()).as(method).isEqualTo("command");
            assertThat(echo.path("method").asString()).isEqualTo(method);
            assertThat(echo.path("path").asString()).isEqualTo("/api/clients/7");
            assertThat(echo.path("rawQuery").asString()).isEqualTo("v=1");
            assertThat(echo.path("body").asString()).isEqualTo("{\"name\":\"Acme\"}");
        }
    }

    @Test
    void formBodiesPassThroughUnread() {
        for (String method : new String[] { "POST", "PUT", "PATCH", "DELETE" }) {
            HttpResponse<String> response = send(req("/api/clients/7")
                    .method(method, BodyPublishers.ofString("name=Acme&note=a%20b"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", bearer(TOKENS.token("OWNER"))));
            assertThat(json(response).path("body").asString()).as(method).isEqualTo("name=Acme&note=a%20b");
        }
    }

    @Test
    void jwksAndOauthCallbackAlwaysGoToCommandSideWithoutToken() {
        HttpResponse<String> jwks = send(req("/api/auth/jwks"));
        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(json(jwks).path("keys").isArray()).isTrue();

        HttpResponse<String> callback = send(req("/api/integrations/oauth/callback?code=abc&state=xyz"));
        assertThat(callback.statusCode()).isEqualTo(200);
        assertThat(json(callback).path("service").asString()).isEqualTo("command");
        assertThat(json(callback).path("rawQuery").asString()).isEqualTo("code=abc&state=xyz");
    }

    @Test
    void opsRequestsOfEveryMethodGoToQuerySideAndNeedTheOpsRole() {
        String ops = TOKENS.token("OPS");
        HttpResponse<String> rebuild = send(req("/api/ops/processors/metrics/rebuild")
                .POST(BodyPublishers.noBody()).header("Authorization", bearer(ops)));
        assertThat(rebuild.statusCode()).isEqualTo(200);
        assertThat(json(rebuild).path("service").asString()).isEqualTo("query");
        assertThat(json(rebuild).path("method").asString()).isEqualTo("POST");
        HttpResponse<String> status = send(req("/api/ops/rebuilds/1").header("Authorization", bearer(ops)));
        assertThat(json(status).path("service").asString()).isEqualTo("query");

        HttpResponse<String> owner = send(req("/api/ops/processors/metrics/rebuild")
                .POST(BodyPublishers.noBody()).header("Authorization", bearer(TOKENS.token("OWNER"))));
        assertThat(owner.statusCode()).isEqualTo(403);

        // the command side's own tables are rebuilt where they live
        HttpResponse<String> tables = send(req("/api/ops/command-tables/rebuild")
                .POST(BodyPublishers.noBody()).header("Authorization", bearer(ops)));
        assertThat(json(tables).path("service").asString()).isEqualTo("command");
        assertThat(send(req("/api/ops/command-tables/rebuild").POST(BodyPublishers.noBody())
                .header("Authorization", bearer(TOKENS.token("OWNER")))).statusCode()).isEqualTo(403);
    }

    @Test
    void aDeliveredReportFileIsReadFromCommandSideAndOtherReportReadsFromQuerySide() {
        String viewer = TOKENS.token("VIEWER");
        HttpResponse<String> file = send(req("/api/reports/r1/deliveries/d1/file").header("Authorization", bearer(viewer)));
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(json(file).path("service").asString()).isEqualTo("command");
        assertThat(json(file).path("path").asString()).isEqualTo("/api/reports/r1/deliveries/d1/file");

        for (String path : new String[] { "/api/reports/r1/deliveries/d1", "/api/reports/r1/deliveries",
                "/api/reports/r1/export?format=pdf", "/api/reports/deliveries" }) {
            HttpResponse<String> read = send(req(path).header("Authorization", bearer(viewer)));
            assertThat(json(read).path("service").asString()).as(path).isEqualTo("query");
        }
        HttpResponse<String> sendNow = send(req("/api/reports/r1/deliveries").header("Authorization",
                bearer(TOKENS.token("ANALYST"))).POST(BodyPublishers.noBody()));
        assertThat(json(sendNow).path("service").asString()).isEqualTo("command");
    }

    @Test
    void theProviderCatalogueIsReadFromCommandSideWithAToken() {
        HttpResponse<String> providers = send(req("/api/integrations/providers")
                .header("Authorization", bearer(TOKENS.token("VIEWER"))));
        assertThat(providers.statusCode()).isEqualTo(200);
        assertThat(json(providers).path("service").asString()).isEqualTo("command");
        assertThat(json(providers).path("path").asString()).isEqualTo("/api/integrations/providers");

        assertThat(send(req("/api/integrations/providers")).statusCode()).as("not public").isEqualTo(401);
        HttpResponse<String> metrics = send(req("/api/integrations/metrics")
                .header("Authorization", bearer(TOKENS.token("VIEWER"))));
        assertThat(json(metrics).path("service").asString()).as("other integration reads stay on query-side")
                .isEqualTo("query");
    }

    @Test
    void thePlansAreReadFromCommandSideAndTheSubscriptionFromQuerySide() {
        String viewer = bearer(TOKENS.token("VIEWER"));
        HttpResponse<String> plans = send(req("/api/subscriptions/plans").header("Authorization", viewer));
        assertThat(json(plans).path("service").asString()).isEqualTo("command");
        HttpResponse<String> current = send(req("/api/subscriptions/current").header("Authorization", viewer));
        assertThat(json(current).path("service").asString()).isEqualTo("query");
    }

    @Test
    void forwardsAuthorizationCorrelationIdAndForwardedHeaders() {
        String token = TOKENS.token("VIEWER");
        HttpResponse<String> response = send(rawReq("/api/clients")
                .header("Authorization", bearer(token))
                .header("X-Correlation-Id", "abc-123.XYZ_9")
                .header("X-Forwarded-For", "203.0.113.9"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode headers = json(response).path("headers");
        assertThat(headers.path("authorization").get(0).asString()).isEqualTo("Bearer " + token);
        assertThat(headers.path("x-correlation-id").get(0).asString()).isEqualTo("abc-123.XYZ_9");
        assertThat(headers.path("x-forwarded-for").get(0).asString()).isEqualTo("203.0.113.9, 127.0.0.1");
        assertThat(headers.path("x-forwarded-proto").get(0).asString()).isEqualTo("http");
        assertThat(headers.path("x-forwarded-host").get(0).asString()).isEqualTo("127.0.0.1:" + port);
        assertThat(response.headers().firstValue("X-Correlation-Id")).hasValue("abc-123.XYZ_9");
    }

    @Test
    void headersTheGatewaySetsAppearOnceEvenWhenTheBackendSetsThemToo() {
        HttpResponse<String> response = send(rawReq("/api/clients")
                .header("Authorization", bearer(TOKENS.token("VIEWER")))
                .header("X-Correlation-Id", "once-only"));
        assertThat(response.headers().allValues("X-Correlation-Id")).containsExactly("once-only");
        assertThat(response.headers().allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(response.headers().allValues("X-Backend")).containsExactly("query");
    }

    @Test
    void backendClientIsApacheWithoutContentCompression() {
        // Apache httpclient5 adds "Accept-Encoding: gzip, x-gzip, deflate" and decompresses unless the
        // gateway's customizer (the same one that sizes the pool) disabled it.
        HttpResponse<String> response = send(req("/api/clients").header("Authorization", bearer(TOKENS.token("VIEWER"))));
        assertThat(json(response).path("headers").has("accept-encoding")).isFalse();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void proxyUsesApacheWithTheSizedPool() throws Exception {
        Object client = context.getBean(org.apache.hc.client5.http.impl.classic.CloseableHttpClient.class);
        java.lang.reflect.Field field = client.getClass().getDeclaredField("connManager");
        field.setAccessible(true);
        var pool = (org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager) field.get(client);
        assertThat(pool.getMaxTotal()).isEqualTo(200);
        assertThat(pool.getDefaultMaxPerRoute()).isEqualTo(100);
    }

    @Test
    void forwardedForIsThePeerWhenNoneWasSent() {
        HttpResponse<String> response = send(rawReq("/api/clients")
                .header("Authorization", bearer(TOKENS.token("VIEWER"))));
        JsonNode headers = json(response).path("headers");
        assertThat(headers.path("x-forwarded-for").get(0).asString()).isEqualTo("127.0.0.1");
    }

    @Test
    void correlationIdIsGeneratedWhenMissingOrInsane() {
        HttpResponse<String> none = send(req("/api/auth/jwks"));
        String generated = none.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(UUID.fromString(generated)).isNotNull();

        HttpResponse<String> insane = send(req("/api/clients")
                .header("Authorization", bearer(TOKENS.token("VIEWER")))
                .header("X-Correlation-Id", "evil value <script>"));
        String replaced = insane.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(UUID.fromString(replaced)).isNotNull();
        assertThat(json(insane).path("headers").path("x-correlation-id").get(0).asString()).isEqualTo(replaced);

        HttpResponse<String> tooLong = send(req("/api/auth/jwks").header("X-Correlation-Id", "a".repeat(101)));
        assertThat(tooLong.headers().firstValue("X-Correlation-Id").orElseThrow()).isNotEqualTo("a".repeat(101));

        HttpResponse<String> unauthorized = send(req("/api/clients").header("X-Correlation-Id", "err-1"));
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.headers().firstValue("X-Correlation-Id")).hasValue("err-1");
    }

    @Test
    void unknownApiRouteIs404Problem() {
        HttpResponse<String> response = send(req("/api/nope/1").header("Authorization", bearer(TOKENS.token("OWNER"))));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json(response).path("type").asString()).isEqualTo("https://webprometrics.dev/problems/not-found");
        assertThat(json(response).path("status").asInt()).isEqualTo(404);
    }

    @Test
    void nonApiMutationIs405Problem() {
        HttpResponse<String> response = send(req("/some/page").POST(BodyPublishers.ofString("x")));
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(json(response).path("type").asString())
                .isEqualTo("https://webprometrics.dev/problems/method-not-allowed");
    }
}
