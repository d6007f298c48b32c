package com.webprometrics.command.billing.provider;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.webprometrics.command.billing.provider.WebhookSignature.Failure.MALFORMED;
import static com.webprometrics.command.billing.provider.WebhookSignature.Failure.MISSING;
import static com.webprometrics.command.billing.provider.WebhookSignature.Failure.NO_MATCH;
import static com.webprometrics.command.billing.provider.WebhookSignature.Failure.NO_V1_SIGNATURE;
import static com.webprometrics.command.billing.provider.WebhookSignature.Failure.OUTSIDE_TOLERANCE;
import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {
    private static final String SECRET = "whsec_current";
    private static final String OLD_SECRET = "whsec_previous";
    private static final Duration TOLERANCE = Duration.ofSeconds(300);
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final long T = NOW.getEpochSecond();
    private static final byte[] BODY = "{\"id\":\"evt_1\",\"type\":\"payment_intent.succeeded\"}".getBytes(StandardCharsets.UTF_8);

    private static java.util.Optional<WebhookSignature.Failure> check(String header, byte[] body) {
        return WebhookSignature.check(header, body, List.of(SECRET), TOLERANCE, NOW);
    }

    @Test
    void theProvidersSignatureOverTheRawBodyPasses() {
        assertThat(check(WebhookSignature.header(SECRET, T, BODY), BODY)).isEmpty();
        assertThat(check(WebhookSignature.header(SECRET, T - 300, BODY), BODY)).as("at the tolerance's edge").isEmpty();
    }

    @Test
    void duringARotationEitherSecretAndAnyOfSeveralSignaturesPass() {
        String fromOld = WebhookSignature.header(OLD_SECRET, T, BODY);
        String both = fromOld + ",v1=" + WebhookSignature.header(SECRET, T, BODY).split("v1=")[1];
        assertThat(WebhookSignature.check(fromOld, BODY, List.of(SECRET, OLD_SECRET), TOLERANCE, NOW)).isEmpty();
        assertThat(check(both, BODY)).as("one of two v1 is ours").isEmpty();
        assertThat(check(fromOld, BODY)).as("the old secret once it is retired").contains(NO_MATCH);
    }

    @Test
    void aChangedBodyAWrongSecretOrAReplayedTimestampFail() {
        byte[] changed = "{\"id\":\"evt_1\",\"type\":\"payment_intent.succeeded\" }".getBytes(StandardCharsets.UTF_8);
        assertThat(check(WebhookSignature.header(SECRET, T, BODY), changed)).contains(NO_MATCH);
        assertThat(check(WebhookSignature.header("whsec_someone_else", T, BODY), BODY)).contains(NO_MATCH);
        assertThat(check(WebhookSignature.header(SECRET, T - 301, BODY), BODY)).contains(OUTSIDE_TOLERANCE);
        assertThat(check(WebhookSignature.header(SECRET, T + 301, BODY), BODY)).contains(OUTSIDE_TOLERANCE);
        String signedThenRedated = WebhookSignature.header(SECRET, T - 3600, BODY).replace("t=" + (T - 3600), "t=" + T);
        assertThat(check(signedThenRedated, BODY)).as("the timestamp is signed too").contains(NO_MATCH);
    }

    @Test
    void missingMalformedAndDowngradedHeadersFail() {
        assertThat(check(null, BODY)).contains(MISSING);
        assertThat(check(" ", BODY)).contains(MISSING);
        assertThat(check("garbage", BODY)).contains(MALFORMED);
        assertThat(check("t=yesterday,v1=00", BODY)).contains(MALFORMED);
        assertThat(check("v1=" + "0".repeat(64), BODY)).as("no timestamp").contains(MALFORMED);
        String v1 = WebhookSignature.header(SECRET, T, BODY).split("v1=")[1];
        assertThat(check("t=" + T + ",v0=" + v1, BODY)).as("only the v1 scheme counts").contains(NO_V1_SIGNATURE);
        assertThat(check("t=" + T + ",v1=" + v1.substring(2), BODY)).contains(NO_V1_SIGNATURE);
        assertThat(check("t=" + T + ",v1=" + v1.toUpperCase(), BODY)).as("hex in either case").isEmpty();
    }
}
