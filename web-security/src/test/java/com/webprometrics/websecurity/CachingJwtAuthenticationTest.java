package com.webprometrics.websecurity;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingJwtAuthenticationTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private final AtomicInteger validations = new AtomicInteger();
    private final Instant[] now = {NOW.plusSeconds(60)};

    private final JwtDecoder strict = token -> {
        validations.incrementAndGet();
        if (!token.startsWith("good")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("user-" + token).claim("roles", List.of("OWNER"))
                .issuedAt(NOW).expiresAt(NOW.plusSeconds(900)).build();
    };

    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now[0];
        }
    };

    private CachingJwtAuthentication authentication(int maxEntries) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(strict);
        provider.setJwtAuthenticationConverter(TokenRules.authorities());
        return new CachingJwtAuthentication(provider, clock, maxEntries);
    }

    private static Authentication bearer(String token) {
        return new BearerTokenAuthenticationToken(token);
    }

    @Test
    void anAcceptedTokenIsNotCheckedAgainUntilItExpiresAndKeepsItsUserAndRoles() {
        CachingJwtAuthentication manager = authentication(10);
        manager.authenticate(bearer("good-1"));
        Authentication again = manager.authenticate(bearer("good-1"));
        assertThat(validations).hasValue(1);
        assertThat(again.getName()).isEqualTo("user-good-1");
        assertThat(again.getAuthorities()).extracting(GrantedAuthority::getAuthority).contains("ROLE_OWNER");
        assertThat(again.getDetails()).as("no other request's details").isNull();
    }

    @Test
    void anExpiredTokenIsCheckedAgain() {
        CachingJwtAuthentication manager = authentication(10);
        manager.authenticate(bearer("good-1"));
        now[0] = NOW.plusSeconds(900);
        manager.authenticate(bearer("good-1"));
        assertThat(validations).as("checked again once its exp has passed").hasValue(2);
    }

    @Test
    void rejectedTokensAreNeverRemembered() {
        CachingJwtAuthentication manager = authentication(10);
        assertThatThrownBy(() -> manager.authenticate(bearer("forged"))).isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> manager.authenticate(bearer("forged"))).isInstanceOf(InvalidBearerTokenException.class);
        assertThat(validations).hasValue(2);
    }

    @Test
    void theCacheStaysBounded() {
        CachingJwtAuthentication manager = authentication(2);
        manager.authenticate(bearer("good-1"));
        manager.authenticate(bearer("good-2"));
        manager.authenticate(bearer("good-3"));
        manager.authenticate(bearer("good-1"));
        assertThat(validations).hasValue(4);
    }
}
