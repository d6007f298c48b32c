package com.webprometrics.command.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code wpm.auth.*}: issuer, token lifetimes, an optional signing key from the environment. (The platform role OPS
 * is no configuration: an operator grants it with {@code ./wpm ops grant}.)
 */
@ConfigurationProperties("wpm.auth")
public record AuthProperties(String issuer, Duration accessTokenTtl, Duration refreshTokenTtl, Duration invitationTtl,
                             String privateKeyPem) {
    public AuthProperties {
        if (accessTokenTtl.compareTo(Duration.ofMinutes(15)) > 0) {
            throw new IllegalArgumentException("wpm.auth.access-token-ttl must be at most 15 minutes");
        }
    }
}
