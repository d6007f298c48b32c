package com.webprometrics.command.auth;

import com.webprometrics.command.auth.AuthCommands.GrantOps;
import com.webprometrics.command.auth.AuthCommands.LoginOutcome;
import com.webprometrics.command.auth.AuthCommands.RecordLoginAttempt;
import com.webprometrics.command.auth.AuthCommands.RecordPasswordChange;
import com.webprometrics.command.auth.AuthCommands.RevokeOps;
import com.webprometrics.command.privacy.PrivacyCommands;
import com.webprometrics.command.privacy.PrivacyRejection;
import com.webprometrics.command.team.TeamCommands.ChangeUserRole;
import com.webprometrics.command.team.TeamCommands.DeactivateUser;
import com.webprometrics.command.team.TeamRejection;
import com.webprometrics.events.auth.LoginFailed;
import com.webprometrics.events.auth.LoginSucceeded;
import com.webprometrics.events.auth.OpsRoleGranted;
import com.webprometrics.events.auth.OpsRoleRevoked;
import com.webprometrics.events.auth.UserCredentialsChanged;
import com.webprometrics.events.auth.UserRegistered;
import com.webprometrics.events.privacy.PersonalDataErased;
import com.webprometrics.events.team.UserDeactivated;
import com.webprometrics.events.team.UserRoleChanged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person's account in one agency: sign-in attempts, role, the platform role OPS and deactivation. Failed attempts are counted, never
 * answered with a lock: a lock that anyone who knows the e-mail address can trigger keeps the owner out. Guessing
 * is throttled at the gateway per address, per account and address, and by an account-wide ceiling that
 * successful sign-ins do not consume (docs/security.md). Accounts locked by {@code UserLockedOut} before that are
 * not locked any more.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotEveryN", cache = "userCache")
public class UserAccount {

    @AggregateIdentifier
    private UUID userId;
    private UUID agencyId;
    private Role role;
    private boolean active;
    private int consecutiveFailures;
    private boolean ops;
    private UUID invitationId;
    private boolean erased;

    protected UserAccount() {
    }

    public UserAccount(UUID userId, UUID agencyId, String email, String name, Role role, UUID invitationId) {
        apply(new UserRegistered(userId, agencyId, email, name, role.name(), invitationId));
        apply(new UserCredentialsChanged(userId, agencyId, "initial"));
    }

    @CommandHandler
    LoginOutcome handle(RecordLoginAttempt command) {
        if (!active) {
            apply(new LoginFailed(userId, agencyId, "deactivated", consecutiveFailures));
            return LoginOutcome.FAILED;
        }
        if (!command.passwordMatched()) {
            apply(new LoginFailed(userId, agencyId, "bad_credentials", consecutiveFailures + 1));
            return LoginOutcome.FAILED;
        }
        apply(new LoginSucceeded(userId, agencyId, command.sessionId()));
        return LoginOutcome.SUCCEEDED;
    }

    @CommandHandler
    void handle(RecordPasswordChange command) {
        if (!active) {
            throw AuthRejection.INVALID_CREDENTIALS.get();
        }
        apply(new UserCredentialsChanged(userId, agencyId, command.reason()));
    }

    @CommandHandler
    void handle(GrantOps command) {
        if (!ops) {
            apply(new OpsRoleGranted(userId, agencyId, command.by()));
        }
    }

    @CommandHandler
    void handle(RevokeOps command) {
        if (ops) {
            apply(new OpsRoleRevoked(userId, agencyId, command.by()));
        }
    }

    @CommandHandler
    void handle(ChangeUserRole command) {
        requireSameAgency(command.agencyId());
        Role wanted = Role.parse(command.role()).filter(Role::assignable).orElseThrow(() ->
                TeamRejection.INVALID_ROLE.get());
        if (role == Role.OWNER) {
            throw TeamRejection.OWNER_ROLE_FIXED.get();
        }
        if (userId.equals(command.actorId())) {
            throw TeamRejection.OWN_ROLE.get();
        }
        if (!active) {
            throw TeamRejection.USER_DEACTIVATED.get();
        }
        if (wanted == role) {
            return;
        }
        apply(new UserRoleChanged(userId, agencyId, role.name(), wanted.name()));
    }

    @CommandHandler
    void handle(DeactivateUser command) {
        requireSameAgency(command.agencyId());
        if (role == Role.OWNER) {
            throw TeamRejection.OWNER_NOT_DEACTIVATABLE.get();
        }
        if (userId.equals(command.actorId())) {
            throw TeamRejection.SELF_DEACTIVATION.get();
        }
        if (!active) {
            return;
        }
        apply(new UserDeactivated(userId, agencyId));
    }

    /** Only a deactivated member's data, once: with the key of the invitation they joined through. */
    @CommandHandler
    void handle(PrivacyCommands.EraseMemberData command) {
        if (!command.agencyId().equals(agencyId)) {
            throw PrivacyRejection.NOT_FOUND.get();
        }
        if (active) {
            throw PrivacyRejection.MEMBER_ACTIVE.get();
        }
        if (erased) {
            throw PrivacyRejection.ALREADY_ERASED.get();
        }
        java.util.Set<String> subjects = new java.util.LinkedHashSet<>();
        subjects.add("user:" + userId);
        if (invitationId != null) {
            subjects.add("invitation:" + invitationId);
        }
        subjects.addAll(command.invitations() == null ? List.of() : command.invitations());
        apply(new PersonalDataErased(command.erasureId(), agencyId, "user", userId, List.copyOf(subjects),
                command.reason(), command.requestedBy()));
    }

    @EventSourcingHandler
    void on(PersonalDataErased event) {
        erased = true;
    }

    private void requireSameAgency(UUID agency) {
        if (!agencyId.equals(agency)) {
            throw TeamRejection.USER_NOT_FOUND.get();
        }
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        userId = event.userId();
        agencyId = event.agencyId();
        role = Role.valueOf(event.role());
        active = true;
        invitationId = event.invitationId();
    }

    @EventSourcingHandler
    void on(LoginFailed event) {
        consecutiveFailures = event.consecutiveFailures();
    }

    @EventSourcingHandler
    void on(OpsRoleGranted event) {
        ops = true;
    }

    @EventSourcingHandler
    void on(OpsRoleRevoked event) {
        ops = false;
    }

    @EventSourcingHandler
    void on(LoginSucceeded event) {
        consecutiveFailures = 0;
    }

    @EventSourcingHandler
    void on(UserRoleChanged event) {
        role = Role.valueOf(event.role());
    }

    @EventSourcingHandler
    void on(UserDeactivated event) {
        active = false;
    }
}
