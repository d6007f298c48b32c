package com.webprometrics.gateway;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.webprometrics.gateway.support.StandInBackend;
import com.webprometrics.gateway.support.Tokens;

/** The shared context of most tests: both stand-in backends up, command-side serving the JWKS. */
public abstract class StandardGatewayTest extends GatewayTestBase {

    protected static final Tokens TOKENS = new Tokens();
    protected static final StandInBackend COMMAND = new StandInBackend("command").serveJwks(TOKENS.jwkSetJson());
    protected static final StandInBackend QUERY = new StandInBackend("query");

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        common(registry);
        registry.add("wpm.gateway.command-url", COMMAND::url);
        registry.add("wpm.gateway.query-url", QUERY::url);
        registry.add("wpm.jwt.jwks-url", () -> COMMAND.url() + "/api/auth/jwks");
    }
}
