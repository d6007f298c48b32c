package com.webprometrics.command.support;

import com.webprometrics.localpg.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring test at a fresh database on a real PostgreSQL (found or provisioned by LocalPostgres). */
public final class PostgresDatabase {
    private PostgresDatabase() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        TestDatabase db = TestDatabase.shared("wpm_command_test");
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        // the generated master key of the credential store goes under target/, not into the checkout
        registry.add("wpm.credentials.data-dir", () -> "target/wpm-test-data");
    }
}
