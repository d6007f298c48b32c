package com.webprometrics.command.auth;

import com.webprometrics.command.auth.AuthCommands.RecordLoginAttempt;
import com.webprometrics.command.infra.Commands;
import com.webprometrics.platform.axon.MetadataKeys;
import com.webprometrics.platform.web.RequestMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Records a wrong password on the account ({@code LoginFailed}, with the request's address and correlation id) after
 * the caller has been answered: a wrong password for a known e-mail then costs what one for an unknown e-mail costs
 * (one password hash), so the answer's timing does not tell which addresses have accounts (ASVS 6.3.8). The
 * recording waits a moment rather than starting at once: started at once, it competed with the rest of the very
 * request it records and made that answer ~4 ms slower (LoginTimingIntegrationTest).
 */
@Component
class FailedSignIns {
    private static final Logger log = LoggerFactory.getLogger(FailedSignIns.class);

    private final Commands commands;
    private final RequestMetadata requestMetadata;
    private static final long DELAY_MILLIS = 250;

    private final ScheduledExecutorService recording = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "failed-sign-ins");
        thread.setDaemon(true);
        return thread;
    });

    FailedSignIns(Commands commands, RequestMetadata requestMetadata) {
        this.commands = commands;
        this.requestMetadata = requestMetadata;
    }

    void record(CredentialStore.Credentials user, Instant at) {
        Map<String, Object> metadata = new HashMap<>(requestMetadata.current());
        metadata.put(MetadataKeys.AGENCY_ID, user.agencyId().toString());
        recording.schedule(() -> {
            try {
                commands.send(new RecordLoginAttempt(user.userId(), false, UUID.randomUUID(), at), metadata);
            } catch (RuntimeException e) {
                log.warn("could not record a failed sign-in of user {}: {}", user.userId(), e.toString());
            }
        }, DELAY_MILLIS, TimeUnit.MILLISECONDS);
    }
}
