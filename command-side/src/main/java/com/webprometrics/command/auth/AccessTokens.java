package com.webprometrics.command.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.webprometrics.platform.security.CurrentUser;
import com.webprometrics.platform.security.ResourceServerSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Issues short-lived RS256 access tokens carrying the user, the agency (tenant) and the roles. */
@Component
public class AccessTokens {
    private final SigningKeys keys;
    private final NimbusJwtEncoder encoder;
    private final AuthProperties properties;
    private final Clock clock;

    AccessTokens(SigningKeys keys, AuthProperties properties, Clock clock) {
        this.keys = keys;
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keys.current())));
        this.properties = properties;
        this.clock = clock;
    }

    public String issue(CredentialStore.Credentials user) {
        Instant now = clock.instant();
        List<String> roles = new ArrayList<>(List.of(user.role().name()));
        if (properties.opsEmails().contains(user.email().toLowerCase())) {
            roles.add(Role.OPS);
        }
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(user.userId().toString())
                .audience(List.of(ResourceServerSecurity.AUDIENCE))
                .issuedAt(now)
                .expiresAt(now.plus(properties.accessTokenTtl()))
                .id(UUID.randomUUID().toString())
                .claim(CurrentUser.AGENCY_CLAIM, user.agencyId().toString())
                .claim(CurrentUser.ROLES_CLAIM, roles)
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keys.current().getKeyID()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    public long ttlSeconds() {
        return properties.accessTokenTtl().toSeconds();
    }
}
