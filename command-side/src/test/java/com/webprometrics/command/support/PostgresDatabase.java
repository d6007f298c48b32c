package com.webprometrics.command.support;

import com.webprometrics.localpg.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring test at a fresh database on a real PostgreSQL (found or provisioned by LocalPostgres). */
public final class PostgresDatabase {
    private PostgresDatabase() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        register(registry, "wpm_command_test");
    }

    /**
     * A database of its own for a test whose background work (deadlines) another cached test context on the shared
     * database could otherwise pick up with its own clock and mail server.
     */
    public static void register(DynamicPropertyRegistry registry, String databasePrefix) {
        TestDatabase db = TestDatabase.shared(databasePrefix);
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        // the generated master key of the credential store goes under target/, not into the checkout
        registry.add("wpm.credentials.data-dir", () -> "target/wpm-test-data");
        // each database's audit checkpoints in a sink of its own, under target/
        registry.add("wpm.audit.sink-file", () -> "target/wpm-test-data/audit-"
                + db.url().substring(db.url().lastIndexOf('/') + 1) + ".ndjson");
    }
}
