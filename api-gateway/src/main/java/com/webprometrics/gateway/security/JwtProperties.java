package com.webprometrics.gateway.security;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Access-token validation ({@code wpm.jwt.*}): JWKS URL, issuer and clock skew (the audience is the API's, fixed). */
@ConfigurationProperties("wpm.jwt")
public record JwtProperties(URI jwksUrl, String issuer, Duration clockSkew) {

    public JwtProperties {
        if (jwksUrl == null) jwksUrl = URI.create("http://localhost:8081/api/auth/jwks");
        if (issuer == null || issuer.isBlank()) issuer = "webprometrics";
        if (clockSkew == null) clockSkew = Duration.ofSeconds(30);
    }
}
