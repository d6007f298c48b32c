package com.webprometrics.command.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/** {@code wpm.audit.*}: sealing cadence, the checkpoint key and the sink (application.yml). */
@ConfigurationProperties("wpm.audit")
record AuditProperties(Duration sealInterval, Duration checkpointInterval, String checkpointKey, Path sinkFile,
                       String sinkUrl) {
    AuditProperties {
        if (sealInterval == null) sealInterval = Duration.ofMillis(200);
        if (checkpointInterval == null) checkpointInterval = Duration.ofSeconds(30);
    }
}
