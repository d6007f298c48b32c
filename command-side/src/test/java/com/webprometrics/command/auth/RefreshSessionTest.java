package com.webprometrics.command.auth;

import com.webprometrics.command.auth.AuthCommands.EndSession;
import com.webprometrics.command.auth.AuthCommands.RotateRefreshToken;
import com.webprometrics.command.auth.AuthCommands.RotationOutcome;
import com.webprometrics.command.auth.AuthCommands.StartSession;
import com.webprometrics.events.auth.RefreshTokenReuseDetected;
import com.webprometrics.events.auth.SessionEnded;
import com.webprometrics.events.auth.SessionRefreshed;
import com.webprometrics.events.auth.SessionStarted;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;


class RefreshSessionTest {
    private static final UUID SESSION = UUID.randomUUID();
    private static final UUID USER = UUID.randomUUID();
    private static final UUID AGENCY = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant EXPIRES = NOW.plusSeconds(86_400);

    private AggregateTestFixture<RefreshSession> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RefreshSession.class);
    }

    private static SessionStarted started() {
        return new SessionStarted(SESSION, USER, AGENCY, EXPIRES);
    }

    @Test
    void startingASessionRecordsItsExpiry() {
        fixture.givenNoPriorActivity()
                .when(new StartSession(SESSION, USER, AGENCY, EXPIRES))
                .expectEvents(started());
    }

    @Test
    void presentingTheCurrentGenerationRotatesToTheNext() {
        fixture.given(started())
                .when(new RotateRefreshToken(SESSION, 1, NOW))
                .expectEvents(new SessionRefreshed(SESSION, USER, AGENCY, 2))
                .expectResultMessagePayload(RotationOutcome.ROTATED);
    }

    @Test
    void reusingASpentTokenRevokesTheWholeFamily() {
        fixture.given(started(), new SessionRefreshed(SESSION, USER, AGENCY, 2))
                .when(new RotateRefreshToken(SESSION, 1, NOW))
                .expectEvents(new RefreshTokenReuseDetected(SESSION, USER, AGENCY, 1, 2),
                        new SessionEnded(SESSION, USER, AGENCY, "reuse_detected"))
                .expectResultMessagePayload(RotationOutcome.REUSE_DETECTED);
    }

    @Test
    void aRevokedFamilyRefusesEvenItsNewestToken() {
        fixture.given(started(), new SessionRefreshed(SESSION, USER, AGENCY, 2),
                        new RefreshTokenReuseDetected(SESSION, USER, AGENCY, 1, 2),
                        new SessionEnded(SESSION, USER, AGENCY, "reuse_detected"))
                .when(new RotateRefreshToken(SESSION, 2, NOW))
                .expectNoEvents()
                .expectResultMessagePayload(RotationOutcome.ENDED);
    }

    @Test
    void anExpiredSessionEnds() {
        fixture.given(started())
                .when(new RotateRefreshToken(SESSION, 1, EXPIRES))
                .expectEvents(new SessionEnded(SESSION, USER, AGENCY, "expired"))
                .expectResultMessagePayload(RotationOutcome.EXPIRED);
    }

    @Test
    void loggingOutEndsTheSessionOnce() {
        fixture.given(started(), new SessionEnded(SESSION, USER, AGENCY, "logout"))
                .when(new EndSession(SESSION, "logout"))
                .expectNoEvents();
    }
}
