package com.webprometrics.websecurity;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reads tokens as Spring's resolver does, without its regex; ignores them on public endpoints. */
class BearerTokensTest {
    private final BearerTokens tokens = BearerTokens.ignoringOn(Set.of("/api/auth/login"));
    private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Test
    void readsTheTokensSpringReadsAndRefusesAMissingOrSplitOne() {
        for (String header : new String[] {"Bearer abc.DEF-ghi_jkl~mno+pqr/stu==", "bearer abc", "BEARER a.b.c"}) {
            assertThat(tokens.resolve(request("/api/clients", header))).isEqualTo(spring.resolve(request("/api/clients", header)));
        }
        for (String header : new String[] {"Bearer ", "Bearer", "Bearerabc", "Bearer a b"}) {
            assertThatThrownBy(() -> spring.resolve(request("/api/clients", header)))
                    .isInstanceOf(OAuth2AuthenticationException.class);
            assertThatThrownBy(() -> tokens.resolve(request("/api/clients", header)))
                    .as(header).isInstanceOf(OAuth2AuthenticationException.class);
        }
        assertThat(tokens.resolve(request("/api/clients", "Basic dXNlcjpwYXNz"))).isNull();
        assertThat(tokens.resolve(request("/api/clients", null))).isNull();
    }

    @Test
    void aTokenSentToAPublicEndpointIsIgnored() {
        assertThat(tokens.resolve(request("/api/auth/login", "Bearer stale.token"))).isNull();
    }

    private static MockHttpServletRequest request(String path, String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }
}
