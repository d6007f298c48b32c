package com.webprometrics.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.JWTClaimsSet;
import com.webprometrics.gateway.support.Tokens;

class SecurityTest extends StandardGatewayTest {

    private HttpResponse<String> get(String path, String token) {
        return send(req(path).header("Authorization", bearer(token)));
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Bearer"));
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json(response).path("type").asString()).isEqualTo("https://webprometrics.dev/problems/unauthorized");
        assertThat(json(response).path("status").asInt()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void validTokenPasses() {
        assertThat(get("/api/clients", TOKENS.token("VIEWER")).statusCode()).isEqualTo(200);
    }

    @Test
    void missingTokenIs401() {
        HttpResponse<String> response = send(req("/api/clients"));
        assertUnauthorized(response);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void expiredTokenIs401() {
        Instant past = Instant.now().minusSeconds(3600);
        JWTClaimsSet claims = TOKENS.claims("u1", "OWNER").issueTime(Date.from(past))
                .expirationTime(Date.from(past.plusSeconds(900))).build();
        assertUnauthorized(get("/api/clients", TOKENS.sign(claims)));
    }

    @Test
    void tokenWithoutExpiryIs401() {
        JWTClaimsSet claims = TOKENS.claims("u1", "OWNER").expirationTime(null).build();
        assertUnauthorized(get("/api/clients", TOKENS.sign(claims)));
    }

    @Test
    void notYetValidTokenIs401() {
        JWTClaimsSet claims = TOKENS.claims("u1", "OWNER").notBeforeTime(Date.from(Instant.now().plusSeconds(600)))
                .build();
        assertUnauthorized(get("/api/clients", TOKENS.sign(claims)));
    }

    @Test
    void wrongIssuerIs401() {
        assertUnauthorized(get("/api/clients", TOKENS.sign(TOKENS.claims("u1", "OWNER").issuer("evil").build())));
    }

    @Test
    void wrongAudienceIs401() {
        assertUnauthorized(get("/api/clients",
                TOKENS.sign(TOKENS.claims("u1", "OWNER").audience(List.of("other-api")).build())));
    }

    @Test
    void algNoneIs401() {
        assertUnauthorized(get("/api/clients", Tokens.algNone(TOKENS.claims("u1", "OWNER").build())));
    }

    @Test
    void hs256Is401() {
        assertUnauthorized(get("/api/clients", TOKENS.hs256(TOKENS.claims("u1", "OWNER").build())));
    }

    @Test
    void hs256KeyedWithTheRsaPublicKeyIs401() {
        assertUnauthorized(get("/api/clients", TOKENS.hs256WithThePublicKey(TOKENS.claims("u1", "OWNER").build())));
    }

    @Test
    void aKeyTheTokenBringsOrPointsToIsNeverUsed() {
        assertUnauthorized(get("/api/clients", TOKENS.withInjectedKey(TOKENS.claims("u1", "OWNER").build(), true)));
        assertUnauthorized(get("/api/clients", TOKENS.withInjectedKey(TOKENS.claims("u1", "OWNER").build(), false)));
    }

    /** Clock skew is tolerated up to 30 s here (60 s at the backends, within ASVS's bound), never minutes. */
    @Test
    void expiryIsToleratedBySecondsOfSkewNotMore() {
        Instant now = Instant.now();
        assertThat(get("/api/clients", TOKENS.sign(TOKENS.claims("u1", "VIEWER").issueTime(Date.from(now.minusSeconds(900)))
                .expirationTime(Date.from(now.minusSeconds(10))).build())).statusCode()).isEqualTo(200);
        assertUnauthorized(get("/api/clients", TOKENS.sign(TOKENS.claims("u1", "VIEWER").issueTime(Date.from(now.minusSeconds(900)))
                .expirationTime(Date.from(now.minusSeconds(61))).build())));
    }

    @Test
    void foreignKeyIs401() {
        assertUnauthorized(get("/api/clients", TOKENS.signedWithOtherKey(TOKENS.claims("u1", "OWNER").build())));
    }

    @Test
    void tamperedSignatureIs401() {
        String token = TOKENS.token("OWNER");
        assertThat(get("/api/clients", token).statusCode()).isEqualTo(200);
        assertUnauthorized(get("/api/clients", Tokens.tamperSignature(token)));
    }

    @Test
    void tamperedPayloadIs401() {
        assertUnauthorized(get("/api/audit/events", Tokens.tamperPayload(TOKENS.token("VIEWER"))));
    }

    @Test
    void garbageTokenIs401() {
        assertUnauthorized(get("/api/clients", "not.a.jwt"));
    }

    @Test
    void publicEndpointsNeedNoTokenAndIgnoreAStaleOne() {
        Instant past = Instant.now().minusSeconds(3600);
        String expired = TOKENS.sign(TOKENS.claims("u1", "OWNER").expirationTime(Date.from(past)).build());
        HttpResponse<String> refresh = send(req("/api/auth/refresh").header("Authorization", bearer(expired))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"refreshToken\":\"r\"}")));
        assertThat(refresh.statusCode()).isEqualTo(200);
        // the header still reaches the backend, which decides for itself
        assertThat(json(refresh).path("headers").path("authorization").get(0).asString()).isEqualTo(bearer(expired));

        assertThat(send(req("/api/webhooks/payments/stripe").POST(BodyPublishers.ofString("{}"))).statusCode())
                .isEqualTo(200);
        assertThat(send(req("/api/auth/jwks")).statusCode()).isEqualTo(200);
        // but the same path with another method is protected
        assertThat(send(req("/api/webhooks/payments/stripe")).statusCode()).isEqualTo(401);
        assertThat(send(req("/api/auth/me")).statusCode()).isEqualTo(401);
    }

    @Test
    void routeRoles() {
        String viewer = TOKENS.token("VIEWER");
        String analyst = TOKENS.token("ANALYST");
        String admin = TOKENS.token("ADMIN");
        String owner = TOKENS.token("OWNER");
        String auditor = TOKENS.token("AUDITOR");
        String ops = TOKENS.token("OPS");

        assertForbidden(send(req("/api/clients").header("Authorization", bearer(viewer))
                .POST(BodyPublishers.ofString("{}"))));
        assertThat(send(req("/api/clients").header("Authorization", bearer(analyst))
                .POST(BodyPublishers.ofString("{}"))).statusCode()).isEqualTo(200);
        assertForbidden(send(req("/api/reports/1").header("Authorization", bearer(auditor)).DELETE()));
        assertForbidden(send(req("/api/integrations/1/sync").header("Authorization", bearer(viewer))
                .POST(BodyPublishers.noBody())));

        assertForbidden(send(req("/api/team/invitations").header("Authorization", bearer(analyst))
                .POST(BodyPublishers.ofString("{}"))));
        assertThat(send(req("/api/team/invitations").header("Authorization", bearer(admin))
                .POST(BodyPublishers.ofString("{}"))).statusCode()).isEqualTo(200);
        assertThat(send(req("/api/team").header("Authorization", bearer(viewer))).statusCode()).isEqualTo(200);

        assertForbidden(send(req("/api/subscriptions/change-plan").header("Authorization", bearer(analyst))
                .POST(BodyPublishers.ofString("{}"))));
        assertThat(send(req("/api/subscriptions/change-plan").header("Authorization", bearer(owner))
                .POST(BodyPublishers.ofString("{}"))).statusCode()).isEqualTo(200);
        assertThat(send(req("/api/subscriptions/current").header("Authorization", bearer(viewer))).statusCode())
                .isEqualTo(200);

        assertForbidden(send(req("/api/audit/events").header("Authorization", bearer(admin))));
        assertThat(send(req("/api/audit/events").header("Authorization", bearer(auditor))).statusCode()).isEqualTo(200);
        assertThat(send(req("/api/audit/verify").header("Authorization", bearer(owner))).statusCode()).isEqualTo(200);

        assertForbidden(send(req("/api/ops/processors").header("Authorization", bearer(owner))));
        assertThat(send(req("/api/ops/processors").header("Authorization", bearer(ops))).statusCode()).isEqualTo(200);
    }

    @Test
    void reportRenderingServiceTokensAreRefusedAtTheEdge() {
        String renderer = TOKENS.token("REPORT_RENDERER");
        for (String path : new String[] { "/api/reports/1/export?format=pdf", "/api/reports", "/api/clients" }) {
            assertThat(get(path, renderer).statusCode()).as(path).isEqualTo(401);
        }
        assertForbidden(send(req("/api/reports/1/deliveries").header("Authorization", bearer(TOKENS.token("VIEWER")))
                .POST(BodyPublishers.noBody())));
        assertThat(get("/api/reports/1/deliveries/2/file", TOKENS.token("AUDITOR")).statusCode()).isEqualTo(200);
    }

    @Test
    void tokenWithoutRolesIsAuthenticatedButHasNoRole() {
        String token = TOKENS.sign(TOKENS.claims(UUID.randomUUID().toString()).build());
        assertThat(get("/api/clients", token).statusCode()).isEqualTo(200);
        assertForbidden(get("/api/audit/events", token));
    }

    private static void assertForbidden(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json(response).path("type").asString()).isEqualTo("https://webprometrics.dev/problems/forbidden");
    }
}
