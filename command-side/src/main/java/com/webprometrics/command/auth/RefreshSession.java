package com.webprometrics.command.auth;

import com.webprometrics.command.auth.AuthCommands.EndSession;
import com.webprometrics.command.auth.AuthCommands.RotateRefreshToken;
import com.webprometrics.command.auth.AuthCommands.RotationOutcome;
import com.webprometrics.command.auth.AuthCommands.StartSession;
import com.webprometrics.events.auth.RefreshTokenReuseDetected;
import com.webprometrics.events.auth.SessionEnded;
import com.webprometrics.events.auth.SessionRefreshed;
import com.webprometrics.events.auth.SessionStarted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A refresh-token family. Each refresh rotates to the next generation; presenting an older generation
 * means the token was copied, so the whole family is revoked and every holder must sign in again.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotEveryN")
public class RefreshSession {
    @AggregateIdentifier
    private UUID sessionId;
    private UUID userId;
    private UUID agencyId;
    private int generation;
    private Instant expiresAt;
    private boolean ended;

    protected RefreshSession() {
    }

    @CommandHandler
    RefreshSession(StartSession command) {
        apply(new SessionStarted(command.sessionId(), command.userId(), command.agencyId(), command.expiresAt()));
    }

    @CommandHandler
    RotationOutcome handle(RotateRefreshToken command) {
        if (ended) {
            return RotationOutcome.ENDED;
        }
        if (command.presentedGeneration() != generation) {
            apply(new RefreshTokenReuseDetected(sessionId, userId, agencyId, command.presentedGeneration(), generation));
            apply(new SessionEnded(sessionId, userId, agencyId, "reuse_detected"));
            return RotationOutcome.REUSE_DETECTED;
        }
        if (!command.at().isBefore(expiresAt)) {
            apply(new SessionEnded(sessionId, userId, agencyId, "expired"));
            return RotationOutcome.EXPIRED;
        }
        int next = generation + 1;
        apply(new SessionRefreshed(sessionId, userId, agencyId, next));
        return RotationOutcome.ROTATED;
    }

    @CommandHandler
    void handle(EndSession command) {
        if (!ended) {
            apply(new SessionEnded(sessionId, userId, agencyId, command.reason()));
        }
    }

    UUID userId() {
        return userId;
    }

    @EventSourcingHandler
    void on(SessionStarted event) {
        sessionId = event.sessionId();
        userId = event.userId();
        agencyId = event.agencyId();
        expiresAt = event.expiresAt();
        generation = 1;
    }

    @EventSourcingHandler
    void on(SessionRefreshed event) {
        generation = event.generation();
    }

    @EventSourcingHandler
    void on(SessionEnded event) {
        ended = true;
    }
}
