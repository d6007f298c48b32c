package com.webprometrics.platform.security;

import org.springframework.security.oauth2.jwt.Jwt;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The signed-in user as the access token says: the only source of tenant scope (DESIGN.md rule 4). */
public record CurrentUser(UUID userId, UUID agencyId, Set<String> roles) {

    public static final String AGENCY_CLAIM = com.webprometrics.websecurity.TokenRules.AGENCY_CLAIM;
    public static final String ROLES_CLAIM = com.webprometrics.websecurity.TokenRules.ROLES_CLAIM;

    public static CurrentUser from(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
        return new CurrentUser(UUID.fromString(jwt.getSubject()),
                UUID.fromString(jwt.getClaimAsString(AGENCY_CLAIM)),
                roles == null ? Set.of() : Set.copyOf(roles));
    }

    public boolean hasAnyRole(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
