package com.webprometrics.command.auth;

import com.webprometrics.command.support.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Check 18: a wrong password for a known account and any password for an unknown e-mail cost the same — one
 * argon2id check each (a dummy hash for the unknown one), the known account's {@code LoginFailed} recorded after the
 * answer — so the answer's timing does not tell whether an account exists. Measured as a client would (over HTTP,
 * the two kinds interleaved so that the box's load falls on both alike), compared by their medians.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"wpm.integrations.schedule-check=1h", "wpm.reports.delivery-check=1h"})
class LoginTimingIntegrationTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final int ROUNDS = 50;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anUnknownEmailAndAWrongPasswordTakeAlikeAndAnswerAlike() throws Exception {
        String known = "timing-" + UUID.randomUUID() + "@agency.test";
        assertThat(post("/api/auth/signup", """
                {"agencyName":"Timing Agency","name":"Tim","email":"%s","password":"%s"}""".formatted(known, PASSWORD))
                .statusCode()).isEqualTo(201);

        List<Long> knownNanos = new ArrayList<>();
        List<Long> unknownNanos = new ArrayList<>();
        String knownBody = null;
        String unknownBody = null;
        for (int round = -5; round < ROUNDS; round++) { // five rounds to warm up, not counted
            boolean knownFirst = round % 2 == 0;
            for (boolean isKnown : new boolean[]{knownFirst, !knownFirst}) {
                String email = isKnown ? known : "nobody-" + UUID.randomUUID() + "@agency.test";
                long start = System.nanoTime();
                HttpResponse<String> answer = post("/api/auth/login",
                        "{\"email\":\"%s\",\"password\":\"not the password, sorry\"}".formatted(email));
                long nanos = System.nanoTime() - start;
                assertThat(answer.statusCode()).isEqualTo(401);
                if (round < 0) continue;
                (isKnown ? knownNanos : unknownNanos).add(nanos);
                if (isKnown) knownBody = withoutInstance(answer.body());
                else unknownBody = withoutInstance(answer.body());
            }
        }

        assertThat(knownBody).as("the same problem for both").isEqualTo(unknownBody);
        long knownMedian = median(knownNanos);
        long unknownMedian = median(unknownNanos);
        System.out.printf("login medians: known e-mail, wrong password %.1f ms; unknown e-mail %.1f ms%n",
                knownMedian / 1e6, unknownMedian / 1e6);
        // one hash dominates both; the bound catches a path that skips or adds one (tens of ms), not the box's noise
        long allowed = Math.max(5_000_000L, unknownMedian / 4);
        assertThat(Math.abs(knownMedian - unknownMedian)).as("difference of the medians (ns)").isLessThan(allowed);
    }

    /** The problem body without the parts that name this one request. */
    private static String withoutInstance(String body) {
        return body.replaceAll("\"(instance|correlationId|timestamp)\":\"[^\"]*\",?", "");
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
