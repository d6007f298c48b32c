package com.webprometrics.command.auth;

import com.webprometrics.events.auth.LoginFailed;
import com.webprometrics.events.auth.OpsRoleGranted;
import com.webprometrics.events.auth.OpsRoleRevoked;
import com.webprometrics.events.auth.RefreshTokenReuseDetected;
import com.webprometrics.events.auth.UserCredentialsChanged;
import com.webprometrics.events.team.UserDeactivated;
import com.webprometrics.events.team.UserRoleChanged;
import com.webprometrics.platform.axon.MetadataKeys;
import com.webprometrics.websecurity.SecurityLog;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * The account events that matter to whoever watches for attacks, as {@code wpm.security} log lines: who did it
 * (the request's user), to whom, in which agency, from where. The event store keeps the same facts for auditors;
 * this puts them where log alerting looks. A processor of its own, so rebuilding the command side's tables logs
 * nothing twice.
 */
@Component
@ProcessingGroup(SecurityEventLog.GROUP)
class SecurityEventLog {
    static final String GROUP = "security-log";

    @Bean
    static ConfigurerModule securityEventLogProcessor() {
        return configurer -> configurer.eventProcessing().registerSubscribingEventProcessor(GROUP);
    }

    @EventHandler
    void on(LoginFailed event, EventMessage<?> message) {
        line("login_refused", message, event.userId(), event.agencyId()).with("reason", event.reason())
                .with("consecutive_failures", event.consecutiveFailures()).write();
    }

    @EventHandler
    void on(RefreshTokenReuseDetected event, EventMessage<?> message) {
        line("refresh_token_reused", message, event.userId(), event.agencyId()).with("session", event.sessionId())
                .write();
    }

    @EventHandler
    void on(UserCredentialsChanged event, EventMessage<?> message) {
        if ("initial".equals(event.reason())) return; // the password chosen at sign-up or invitation
        line("password_changed", message, event.userId(), event.agencyId()).with("reason", event.reason()).write();
    }

    @EventHandler
    void on(UserRoleChanged event, EventMessage<?> message) {
        line("role_changed", message, event.userId(), event.agencyId()).with("from", event.previousRole())
                .with("to", event.role()).write();
    }

    @EventHandler
    void on(UserDeactivated event, EventMessage<?> message) {
        line("user_deactivated", message, event.userId(), event.agencyId()).write();
    }

    @EventHandler
    void on(OpsRoleGranted event, EventMessage<?> message) {
        line("ops_granted", message, event.userId(), event.agencyId()).with("by", event.by()).write();
    }

    @EventHandler
    void on(OpsRoleRevoked event, EventMessage<?> message) {
        line("ops_revoked", message, event.userId(), event.agencyId()).with("by", event.by()).write();
    }

    private static SecurityLog.Entry line(String name, EventMessage<?> message, UUID subject, UUID agency) {
        return SecurityLog.event(name).with("actor", message.getMetaData().get(MetadataKeys.USER_ID))
                .with("subject", subject).with("tenant", agency)
                .with("ip", message.getMetaData().get(MetadataKeys.CLIENT_IP))
                .with("correlation", message.getMetaData().get(MetadataKeys.CORRELATION_ID));
    }
}
