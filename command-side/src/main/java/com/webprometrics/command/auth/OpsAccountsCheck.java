package com.webprometrics.command.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sign-up does not verify e-mail addresses, so an address in {@code WPM_OPS_EMAILS} that has no account yet can be
 * claimed by whoever signs up with it first — and would carry the platform role OPS. Says so at every start.
 */
@Component
class OpsAccountsCheck {
    private static final Logger log = LoggerFactory.getLogger(OpsAccountsCheck.class);
    private final AuthProperties properties;
    private final CredentialStore credentials;

    OpsAccountsCheck(AuthProperties properties, CredentialStore credentials) {
        this.properties = properties;
        this.credentials = credentials;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnAboutUnclaimedOpsAddresses() {
        for (String email : properties.opsEmails()) {
            if (!credentials.emailTaken(email)) {
                log.warn("WPM_OPS_EMAILS lists {}, which has no account yet: whoever signs up with it first gets the "
                        + "OPS role. Sign that account up before listing it.", email);
            }
        }
    }
}
