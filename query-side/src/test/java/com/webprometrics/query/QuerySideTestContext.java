package com.webprometrics.query;

import com.webprometrics.query.support.PostgresDatabase;
import com.webprometrics.query.support.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one application context every query-side integration test shares. Two live contexts on one database
 * would run two copies of every tracking processor (with the same token owner name), so each test class
 * extends this instead of declaring its own properties.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class QuerySideTestContext {

    @DynamicPropertySource
    static void setUp(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry);
        registry.add("wpm.auth.jwks-url", () -> TestTokens.get().jwksUrl());
    }
}
