package com.webprometrics.gateway;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.nimbusds.jwt.JWTClaimsSet;
import com.webprometrics.gateway.support.StandInBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Check 28: security events as {@code wpm.security} lines with who, tenant, where from and what; CR/LF encoded. */
class SecurityLogTest extends StandardGatewayTest {

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        ((Logger) LoggerFactory.getLogger("wpm.security")).addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger("wpm.security")).detachAppender(logged);
    }

    /** The message of every security line, as the log pattern prints it after the logger's name. */
    private List<String> lines() {
        return List.copyOf(logged.list).stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /**
     * The lines, once one matches or after 5 s: a sign-in's outcome is logged when the answer has passed through the
     * gateway, which is after the client may already have read it.
     */
    private List<String> linesOnce(Predicate<String> expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (lines().stream().noneMatch(expected) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return lines();
    }

    @Test
    void aSignInCarryingCrLfIsOneEncodedLineAndCannotForgeAnother() throws InterruptedException {
        String ip = randomIp();
        String forged = "mallory-" + UUID.randomUUID() + "@example.com\r\n2026-12-05 INFO wpm.security : event=login_succeeded";
        send(rawReq("/api/auth/login").header("X-Forwarded-For", ip).header("Content-Type", "application/json")
                .header(StandInBackend.STATUS_HEADER, "401")
                .POST(BodyPublishers.ofString("{\"email\":\"" + forged.replace("\r", "\\r").replace("\n", "\\n")
                        + "\",\"password\":\"wrong-password\"}")));

        assertThat(linesOnce(l -> l.contains("mallory-"))).filteredOn(l -> l.contains("mallory-")).singleElement().satisfies(line -> {
            assertThat(line).startsWith("event=login_failed ").contains("ip=\"" + ip + "\"", "status=\"401\"",
                    // the gateway reads the account as the lower-cased e-mail
                    "\\r\\n2026-12-05 info wpm.security : event=login_succeeded\"");
            assertThat(line).as("one line, whatever the e-mail held").doesNotContain("\r", "\n");
        });
    }

    @Test
    void aRejectedTokenAndADeniedRoleAreLoggedWithWhoWhereAndWhat() {
        String ip = randomIp();
        send(rawReq("/api/clients").header("X-Forwarded-For", ip).header("Authorization", bearer("not.a.token")));

        String user = UUID.randomUUID().toString();
        JWTClaimsSet claims = TOKENS.claims(user, "VIEWER").build();
        send(rawReq("/api/reports/1/deliveries").header("X-Forwarded-For", ip)
                .header("Authorization", bearer(TOKENS.sign(claims))).POST(BodyPublishers.noBody()));

        List<String> lines = lines();
        assertThat(lines).filteredOn(l -> l.startsWith("event=token_rejected ") && l.contains(ip)).singleElement()
                .satisfies(line -> assertThat(line).contains("method=\"GET\"", "path=\"/api/clients\"", "reason=\""));
        assertThat(lines).filteredOn(l -> l.startsWith("event=access_denied ") && l.contains(ip)).singleElement()
                .satisfies(line -> assertThat(line).contains("actor=\"" + user + "\"",
                        "tenant=\"" + claims.getClaim("agency_id") + "\"", "method=\"POST\"",
                        "path=\"/api/reports/1/deliveries\""));
        assertThat(lines).noneMatch(l -> l.contains("not.a.token"));
    }
}
