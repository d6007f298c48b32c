package com.webprometrics.command.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/** {@code wpm.auth.*}: issuer, token lifetimes, an optional signing key from the environment, OPS e-mails. */
@ConfigurationProperties("wpm.auth")
public record AuthProperties(String issuer, Duration accessTokenTtl, Duration refreshTokenTtl, Duration invitationTtl,
                             String privateKeyPem, List<String> opsEmails) {
    public AuthProperties {
        if (accessTokenTtl.compareTo(Duration.ofMinutes(15)) > 0) {
            throw new IllegalArgumentException("wpm.auth.access-token-ttl must be at most 15 minutes");
        }
        opsEmails = opsEmails == null ? List.of() : opsEmails.stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(String::toLowerCase).toList();
    }
}
