package com.webprometrics.command.auth;

import com.webprometrics.command.billing.Subscription;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Sign-up creates the agency, its subscription's trial and its owner and claims the e-mail in one transaction: all
 * of it exists, or none does — even when two sign-ups race for one e-mail. The trial comes before the owner, who
 * takes its first seat.
 */
@Component
class SignUpHandler {
    private final Repository<Agency> agencies;
    private final Repository<Subscription> subscriptions;
    private final Repository<UserAccount> users;
    private final CredentialStore credentials;

    SignUpHandler(@Qualifier("agencyRepository") Repository<Agency> agencies,
                  @Qualifier("subscriptionRepository") Repository<Subscription> subscriptions,
                  @Qualifier("userAccountRepository") Repository<UserAccount> users,
                  CredentialStore credentials) {
        this.agencies = agencies;
        this.subscriptions = subscriptions;
        this.users = users;
        this.credentials = credentials;
    }

    @CommandHandler
    void handle(AuthCommands.SignUp command) throws Exception {
        credentials.register(command.userId(), command.email(), command.passwordHash());
        agencies.newInstance(() -> new Agency(command));
        subscriptions.newInstance(() -> new Subscription(command.agencyId(), command.plan(), command.terms(),
                command.at(), command.trialEndsAt()));
        users.newInstance(() -> new UserAccount(command.userId(), command.agencyId(), command.email(), command.name(),
                Role.OWNER, null));
    }
}
