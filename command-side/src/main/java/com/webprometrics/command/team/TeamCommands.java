package com.webprometrics.command.team;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

public final class TeamCommands {
    private TeamCommands() {
    }

    public record InviteTeamMember(@TargetAggregateIdentifier UUID invitationId, UUID agencyId, String email,
                                   String role, UUID invitedBy, Instant expiresAt) {
    }

    public record AcceptInvitation(UUID invitationId, UUID userId, String name, String passwordHash, Instant at) {
    }

    public record ChangeUserRole(@TargetAggregateIdentifier UUID userId, UUID agencyId, String role, UUID actorId) {
    }

    public record DeactivateUser(@TargetAggregateIdentifier UUID userId, UUID agencyId, UUID actorId) {
    }
}
