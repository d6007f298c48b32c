package com.webprometrics.command.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/** {@code wpm.audit.*}: sealing cadence, the checkpoint key and the sinks (application.yml). */
@ConfigurationProperties("wpm.audit")
record AuditProperties(Duration sealInterval, Duration checkpointInterval, String checkpointKey, Path sinkFile,
                       String sinkUrl, String sinkEmail, Duration sinkEmailInterval) {
    AuditProperties {
        if (sealInterval == null) sealInterval = Duration.ofMillis(200);
        if (checkpointInterval == null) checkpointInterval = Duration.ofSeconds(30);
        if (sinkEmailInterval == null) sinkEmailInterval = Duration.ofHours(1);
    }

    boolean emailsCheckpoints() {
        return sinkEmail != null && !sinkEmail.isBlank();
    }
}
