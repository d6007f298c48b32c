package com.webprometrics.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.webprometrics.gateway.support.StandInBackend;

class RateLimitTest extends StandardGatewayTest {

    @Autowired
    JdbcTemplate jdbc;

    private HttpRequest.Builder login(String ip, String email) {
        return rawReq("/api/auth/login").header("X-Forwarded-For", ip).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"secret-password\"}"));
    }

    /** A login the backend refuses, as it does a wrong password. */
    private HttpRequest.Builder failedLogin(String ip, String email) {
        return login(ip, email).header(StandInBackend.STATUS_HEADER, "401");
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
    void fiveFailedLoginsPerIpThen429() {
        String ip = randomIp();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> refused = send(failedLogin(ip, "user" + i + "-" + UUID.randomUUID() + "@example.com"));
            assertThat(refused.statusCode()).as("login %d", i + 1).isEqualTo(401);
            assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(4 - i));
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
    void successfulLoginsCountAgainstNobody() {
        String ip = randomIp();
        String email = "regular-" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 12; i++) {
            HttpResponse<String> ok = send(login(ip, email));
            assertThat(ok.statusCode()).as("login %d", i + 1).isEqualTo(200);
        }
        HttpResponse<String> refused = send(failedLogin(ip, email));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).hasValue("4");
    }

    @Test
    void aStrangersFailuresNeverKeepTheOwnerOut() {
        String owner = "owner-" + UUID.randomUUID() + "@example.com";
        String strangersAddress = randomIp();
        for (int i = 0; i < 5; i++) {
            assertThat(send(failedLogin(strangersAddress, owner)).statusCode()).isEqualTo(401);
        }
        assertRateLimited(send(failedLogin(strangersAddress, owner)));
        for (int i = 0; i < 15; i++) {
            // case does not matter: the account key is the lower-cased e-mail
            String spelled = i % 2 == 0 ? owner : owner.toUpperCase();
            assertThat(send(failedLogin(randomIp(), spelled)).statusCode()).as("attempt %d", i + 1).isEqualTo(401);
        }
        assertThat(send(login(randomIp(), owner)).statusCode()).isEqualTo(200);
    }

    @Test
    void anAccountTakesAtMostAHundredFailedGuessesAnHourFromAllAddressesTogether() {
        String account = "target-" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 100; i++) {
            assertThat(send(failedLogin(randomIp(), account)).statusCode()).as("guess %d", i + 1).isEqualTo(401);
        }
        HttpResponse<String> ceiling = send(failedLogin(randomIp(), account));
        assertRateLimited(ceiling);
        assertThat(Long.parseLong(ceiling.headers().firstValue("Retry-After").orElseThrow())).isGreaterThan(900);
        // signup is keyed by the same account
        assertRateLimited(send(rawReq("/api/auth/signup").header("X-Forwarded-For", randomIp())
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"agencyName\":\"A\",\"name\":\"N\",\"email\":\"" + account
                        + "\",\"password\":\"long-enough-password\"}"))));
    }

    @Test
    void badTokensCostTheAnonymousBudget() {
        String ip = randomIp();
        for (int i = 0; i < 100; i++) {
            HttpResponse<String> refused = send(rawReq("/api/clients").header("X-Forwarded-For", ip)
                    .header("Authorization", "Bearer not-a-token-" + i));
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(99 - i));
        }
        assertRateLimited(send(rawReq("/api/clients").header("X-Forwarded-For", ip)
                .header("Authorization", "Bearer not-a-token")));
    }

    @Test
    void paymentWebhooksHaveTheirOwnBudget() {
        String ip = randomIp();
        HttpResponse<String> webhook = send(rawReq("/api/webhooks/payments/stripe").header("X-Forwarded-For", ip)
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString("{}")));
        assertThat(webhook.headers().firstValue("X-RateLimit-Remaining")).hasValue("59999");
        HttpResponse<String> anonymous = send(rawReq("/api/auth/jwks").header("X-Forwarded-For", ip));
        assertThat(anonymous.headers().firstValue("X-RateLimit-Remaining")).hasValue("99");
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

    /** Check 21: a flood from one address meets 429s once its budget is spent; others are not affected. */
    @Test
    void aFloodFromOneAddressIsCutOffAt429() {
        String ip = randomIp();
        int answered = 0;
        int limited = 0;
        for (int i = 0; i < 130; i++) {
            int status = send(rawReq("/api/auth/jwks").header("X-Forwarded-For", ip)).statusCode();
            if (status == 429) {
                limited++;
            } else {
                answered++;
            }
        }
        // the budget refills a token every 9 s: a slow run may see one or two more answered
        assertThat(answered).isBetween(100, 103);
        assertThat(limited).isEqualTo(130 - answered);
        assertThat(send(rawReq("/api/auth/jwks").header("X-Forwarded-For", randomIp())).statusCode()).isEqualTo(200);
    }

    @Test
    void spaAndHealthAreNotRateLimited() {
        assertThat(send(req("/")).headers().firstValue("X-RateLimit-Remaining")).isEmpty();
    }
}
