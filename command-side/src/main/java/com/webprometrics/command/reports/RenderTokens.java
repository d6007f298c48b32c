package com.webprometrics.command.reports;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.webprometrics.command.auth.AuthProperties;
import com.webprometrics.command.auth.Role;
import com.webprometrics.command.auth.SigningKeys;
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
import java.util.List;
import java.util.UUID;

/**
 * Service tokens for fetching one report's file from the query side: signed with the access-token key (so the
 * query side validates them through the same JWKS), scoped to the report's agency, with {@code sub} = the report
 * id and the single role {@link Role#REPORT_RENDERER}, valid for {@code wpm.reports.render-token-ttl} (1 min).
 * The query side accepts that role only on {@code GET /api/reports/{sub}/export}.
 */
@Component
class RenderTokens {
    private final SigningKeys keys;
    private final NimbusJwtEncoder encoder;
    private final AuthProperties auth;
    private final ReportProperties properties;
    private final Clock clock;

    RenderTokens(SigningKeys keys, AuthProperties auth, ReportProperties properties, Clock clock) {
        this.keys = keys;
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keys.current())));
        this.auth = auth;
        this.properties = properties;
        this.clock = clock;
    }

    String issue(UUID agencyId, UUID reportId) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(auth.issuer())
                .subject(reportId.toString())
                .audience(List.of(ResourceServerSecurity.AUDIENCE))
                .issuedAt(now)
                .expiresAt(now.plus(properties.renderTokenTtl()))
                .id(UUID.randomUUID().toString())
                .claim(CurrentUser.AGENCY_CLAIM, agencyId.toString())
                .claim(CurrentUser.ROLES_CLAIM, List.of(Role.REPORT_RENDERER))
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keys.current().getKeyID()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
