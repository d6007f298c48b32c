package com.webprometrics.command.team;

import com.webprometrics.command.auth.CredentialStore;
import com.webprometrics.command.auth.UserAccount;
import com.webprometrics.command.team.TeamCommands.AcceptInvitation;
import com.webprometrics.command.billing.BillingStanding;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** Accepting marks the invitation used, claims the e-mail and creates the user — all or nothing. */
@Component
class AcceptInvitationHandler {
    private final Repository<Invitation> invitations;
    private final Repository<UserAccount> users;
    private final CredentialStore credentials;

    private final BillingStanding standing;

    AcceptInvitationHandler(@Qualifier("invitationRepository") Repository<Invitation> invitations,
                            @Qualifier("userAccountRepository") Repository<UserAccount> users,
                            CredentialStore credentials, BillingStanding standing) {
        this.standing = standing;
        this.invitations = invitations;
        this.users = users;
        this.credentials = credentials;
    }

    @org.axonframework.commandhandling.CommandHandler
    UUID handle(AcceptInvitation command) throws Exception {
        Aggregate<Invitation> invitation = invitations.load(command.invitationId().toString());
        invitation.execute(i -> i.accept(command.userId(), command.at()));
        Invitation accepted = invitation.invoke(i -> i);
        standing.requireGoodStanding(accepted.agencyId()); // a suspended agency gains no member
        credentials.register(command.userId(), accepted.email(), command.passwordHash());
        users.newInstance(() -> new UserAccount(command.userId(), accepted.agencyId(), accepted.email(), command.name(),
                accepted.role(), command.invitationId()));
        return accepted.agencyId();
    }
}
