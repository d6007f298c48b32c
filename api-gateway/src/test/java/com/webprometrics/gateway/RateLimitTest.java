package com.webprometrics.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class RateLimitTest extends StandardGatewayTest {

    @Autowired
    JdbcTemplate jdbc;

    private HttpRequest.Builder login(String ip, String email) {
        return rawReq("/api/auth/login").header("X-Forwarded-For", ip).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"secret-password\"}"));
    }

    private static void assertRateLimited(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
                v -> assertThat(Long.parseLong(v)).isPositive());
        assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(json(response).path("type").asString()).isEqualTo("https://webprometrics.dev/problems/rate-limited");
    }

    @Test
    void fiveLoginsPerIpThen429() {
        String ip = randomIp();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> ok = send(login(ip, "user" + i + "-" + UUID.randomUUID() + "@example.com"));
            assertThat(ok.statusCode()).as("login %d", i + 1).isEqualTo(200);
            assertThat(ok.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(4 - i));
        }
        assertRateLimited(send(login(ip, "someone-else@example.com")));
        // accepting an invitation shares the per-IP auth budget
        assertRateLimited(send(rawReq("/api/auth/accept-invitation").header("X-Forwarded-For", ip)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"inviteToken\":\"x\"}"))));
        // a refresh does not (nothing to guess; the SPA refreshes on every load): it costs the anonymous budget
        HttpResponse<String> refresh = send(rawReq("/api/auth/refresh").header("X-Forwarded-For", ip)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{\"refreshToken\":\"x\"}")));
        assertThat(refresh.statusCode()).isEqualTo(200);
        assertThat(refresh.headers().firstValue("X-RateLimit-Remaining")).hasValue("99");
        // another client is unaffected
        assertThat(send(login(randomIp(), "fresh-" + UUID.randomUUID() + "@example.com")).statusCode()).isEqualTo(200);
        // the buckets live in PostgreSQL (shared by all gateway instances)
        Integer rows = jdbc.queryForObject("SELECT count(*) FROM gateway.rate_limit_bucket WHERE id = ?",
                Integer.class, "auth-ip:" + ip);
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void fiveAttemptsPerAccountAcrossIpsThen429() {
        String email = "victim-" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 5; i++) {
            // case does not matter: the account key is the lower-cased e-mail
            String spelled = i % 2 == 0 ? email : email.toUpperCase();
            assertThat(send(login(randomIp(), spelled)).statusCode()).as("attempt %d", i + 1).isEqualTo(200);
        }
        assertRateLimited(send(login(randomIp(), email)));
        // signup is keyed by the same account
        assertRateLimited(send(rawReq("/api/auth/signup").header("X-Forwarded-For", randomIp())
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"agencyName\":\"A\",\"name\":\"N\",\"email\":\"" + email
                        + "\",\"password\":\"long-enough-password\"}"))));
    }

    @Test
    void loginBodyReachesTheBackendUnchanged() {
        String body = "{\"email\":\"Body-" + UUID.randomUUID() + "@Example.com\",\"password\":\"p\u00e4ss w\u00f6rd\"}";
        HttpResponse<String> response = send(rawReq("/api/auth/login").header("X-Forwarded-For", randomIp())
                .header("Content-Type", "application/json; charset=utf-8").POST(BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("body").asString()).isEqualTo(body);
        assertThat(json(response).path("bodyLength").asInt())
                .isEqualTo(body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    @Test
    void signedInUsersHaveTheirOwnBudget() {
        String token = TOKENS.token("VIEWER");
        HttpResponse<String> first = send(req("/api/clients").header("Authorization", bearer(token)));
        HttpResponse<String> second = send(req("/api/clients").header("Authorization", bearer(token)));
        long a = Long.parseLong(first.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
        long b = Long.parseLong(second.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
        assertThat(a).isGreaterThan(100).isLessThan(1000);
        assertThat(b).isLessThan(a);
    }

    @Test
    void anonymousApiHasThePerIpBudget() {
        String ip = randomIp();
        HttpResponse<String> response = send(rawReq("/api/auth/jwks").header("X-Forwarded-For", ip));
        assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue("99");
    }

    @Test
    void spaAndHealthAreNotRateLimited() {
        assertThat(send(req("/")).headers().firstValue("X-RateLimit-Remaining")).isEmpty();
    }
}
