package com.webprometrics.command.auth;

import com.webprometrics.command.billing.BillingProperties;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** The commands of sign-up, sign-in and sessions. The password hash travels in a command, which is never stored. */
public final class AuthCommands {
    private AuthCommands() {
    }

    /** @param plan the plan the trial runs on, with the terms it has today; the trial ends at {@code trialEndsAt} */
    public record SignUp(UUID agencyId, UUID userId, String agencyName, String name, String email,
                         String passwordHash, String plan, BillingProperties.Plan terms, String timeZone, Instant at,
                         Instant trialEndsAt) {
    }

    public record RecordLoginAttempt(@TargetAggregateIdentifier UUID userId, boolean passwordMatched,
                                     UUID sessionId, Instant at) {
    }

    public record StartSession(@TargetAggregateIdentifier UUID sessionId, UUID userId, UUID agencyId,
                               Instant expiresAt) {
    }

    public record RotateRefreshToken(@TargetAggregateIdentifier UUID sessionId, int presentedGeneration, Instant at) {
    }

    public record EndSession(@TargetAggregateIdentifier UUID sessionId, String reason) {
    }

    /** The user's password was replaced (the new hash is already in the credential store): {@code changed} or {@code reset}. */
    public record RecordPasswordChange(@TargetAggregateIdentifier UUID userId, String reason) {
    }

    /** From an operator on the machine only ({@link OperatorController}); {@code by} names the operator. */
    public record GrantOps(@TargetAggregateIdentifier UUID userId, String by) {
    }

    public record RevokeOps(@TargetAggregateIdentifier UUID userId, String by) {
    }

    public enum LoginOutcome { SUCCEEDED, FAILED }

    public enum RotationOutcome { ROTATED, REUSE_DETECTED, ENDED, EXPIRED }
}
