package com.webprometrics.command.auth;

import com.webprometrics.websecurity.Uuids;
import com.webprometrics.platform.security.CurrentUser;
import com.webprometrics.platform.security.ResourceServerSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one issuer of the RS256 tokens every service validates (through the same JWKS): short-lived access tokens
 * carrying the user, the agency (tenant) and the roles, and the command side's report-rendering service tokens —
 * scoped to one report's agency, {@code sub} = the report id, the single role {@link Role#REPORT_RENDERER}, which the
 * query side accepts on {@code GET /api/reports/{sub}/export} alone and the gateway refuses everywhere.
 */
@Component
public class AccessTokens {
    private final SigningKeys keys;
    private final NimbusJwtEncoder encoder;
    private final AuthProperties properties;
    private final Clock clock;

    AccessTokens(SigningKeys keys, AuthProperties properties, Clock clock) {
        this.keys = keys;
        // always the current key: a rotation takes effect with the next token
        this.encoder = new NimbusJwtEncoder((selector, context) -> List.of(keys.current()));
        this.properties = properties;
        this.clock = clock;
    }

    /** @param sessionId the refresh family the token belongs to ({@code sid}): a password change keeps that one */
    public String issue(CredentialStore.Credentials user, UUID sessionId) {
        List<String> roles = new ArrayList<>(List.of(user.role().name()));
        if (user.ops()) {
            roles.add(Role.OPS);
        }
        return sign(user.userId(), user.agencyId(), roles, properties.accessTokenTtl(), Map.of(SESSION_CLAIM, sessionId.toString()));
    }

    public static final String SESSION_CLAIM = "sid";

    /** A service token for fetching one report's file from the query side, valid for {@code ttl}. */
    public String issueRenderToken(UUID agencyId, UUID reportId, Duration ttl) {
        return sign(reportId, agencyId, List.of(Role.REPORT_RENDERER), ttl, Map.of());
    }

    private String sign(UUID subject, UUID agencyId, List<String> roles, Duration ttl, Map<String, String> more) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(subject.toString())
                .audience(List.of(ResourceServerSecurity.AUDIENCE))
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .id(Uuids.random().toString())
                .claim(CurrentUser.AGENCY_CLAIM, agencyId.toString())
                .claim(CurrentUser.ROLES_CLAIM, roles);
        more.forEach(claims::claim);
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keys.current().getKeyID()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }

    public long ttlSeconds() {
        return properties.accessTokenTtl().toSeconds();
    }
}
