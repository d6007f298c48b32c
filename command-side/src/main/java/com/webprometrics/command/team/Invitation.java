package com.webprometrics.command.team;

import com.webprometrics.command.auth.CredentialStore;
import com.webprometrics.command.auth.Role;
import com.webprometrics.command.team.TeamCommands.InviteTeamMember;
import com.webprometrics.events.team.InvitationAccepted;
import com.webprometrics.events.team.InvitationIssued;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An invitation to join an agency: issued once, accepted at most once, before it expires. */
@Aggregate
public class Invitation {
    @AggregateIdentifier
    private UUID invitationId;
    private UUID agencyId;
    private String email;
    private Role role;
    private Instant expiresAt;
    private boolean accepted;

    protected Invitation() {
    }

    @CommandHandler
    Invitation(InviteTeamMember command, CredentialStore credentials, SeatQuota seats) {
        Role wanted = Role.parse(command.role()).filter(Role::assignable).orElseThrow(() ->
                TeamRejection.INVALID_ROLE.get());
        if (credentials.emailTaken(command.email())) {
            throw TeamRejection.EMAIL_TAKEN.get();
        }
        seats.requireRoom(command.agencyId());
        apply(new InvitationIssued(command.invitationId(), command.agencyId(), command.email(), wanted.name(),
                command.invitedBy(), command.expiresAt()));
    }

    /** Called by {@link AcceptInvitationHandler}; the new user is created in the same unit of work. */
    void accept(UUID userId, Instant at) {
        if (accepted) {
            throw TeamRejection.INVITATION_USED.get();
        }
        if (!at.isBefore(expiresAt)) {
            throw TeamRejection.INVITATION_EXPIRED.get();
        }
        apply(new InvitationAccepted(invitationId, agencyId, userId));
    }

    UUID agencyId() {
        return agencyId;
    }

    String email() {
        return email;
    }

    Role role() {
        return role;
    }

    @EventSourcingHandler
    void on(InvitationIssued event) {
        invitationId = event.invitationId();
        agencyId = event.agencyId();
        email = event.email();
        role = Role.valueOf(event.role());
        expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(InvitationAccepted event) {
        accepted = true;
    }
}
