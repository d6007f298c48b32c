package com.webprometrics.websecurity;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingJwtDecoderTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private final AtomicInteger validations = new AtomicInteger();

    private final JwtDecoder strict = token -> {
        validations.incrementAndGet();
        if (!token.startsWith("good")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("u").issuedAt(NOW)
                .expiresAt(NOW.plusSeconds(900)).build();
    };

    @Test
    void aValidatedTokenIsNotValidatedAgainUntilItExpires() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(strict, Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC), 10);
        decoder.decode("good-1");
        decoder.decode("good-1");
        assertThat(validations).hasValue(1);
    }

    @Test
    void anExpiredTokenGoesBackToTheDelegate() {
        Instant[] now = {NOW};
        Clock moving = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        CachingJwtDecoder decoder = new CachingJwtDecoder(strict, moving, 10);
        decoder.decode("good-1");
        now[0] = NOW.plusSeconds(900);
        decoder.decode("good-1");
        assertThat(validations).as("validated again once its exp has passed").hasValue(2);
    }

    @Test
    void rejectedTokensAreNeverRemembered() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(strict, Clock.fixed(NOW, ZoneOffset.UTC), 10);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(validations).hasValue(2);
    }

    @Test
    void theCacheStaysBounded() {
        CachingJwtDecoder decoder = new CachingJwtDecoder(strict, Clock.fixed(NOW, ZoneOffset.UTC), 2);
        decoder.decode("good-1");
        decoder.decode("good-2");
        decoder.decode("good-3");
        decoder.decode("good-1");
        assertThat(validations).hasValue(4);
    }
}
