package com.webprometrics.command.auth;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Sign-up creates two aggregates and claims the e-mail in one transaction: either the agency, its
 * owner and the e-mail claim all exist, or none does — even when two sign-ups race for one e-mail.
 */
@Component
class SignUpHandler {
    private final Repository<Agency> agencies;
    private final Repository<UserAccount> users;
    private final CredentialStore credentials;

    SignUpHandler(@Qualifier("agencyRepository") Repository<Agency> agencies,
                  @Qualifier("userAccountRepository") Repository<UserAccount> users,
                  CredentialStore credentials) {
        this.agencies = agencies;
        this.users = users;
        this.credentials = credentials;
    }

    @CommandHandler
    void handle(AuthCommands.SignUp command) throws Exception {
        credentials.register(command.userId(), command.email(), command.passwordHash());
        agencies.newInstance(() -> new Agency(command));
        users.newInstance(() -> new UserAccount(command.userId(), command.agencyId(), command.email(), command.name(),
                Role.OWNER, null));
    }
}
