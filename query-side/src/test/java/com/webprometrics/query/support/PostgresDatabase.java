package com.webprometrics.query.support;

import com.webprometrics.localpg.TestDatabase;
import org.flywaydb.core.Flyway;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh database on a real PostgreSQL with the event store schema in place (in production the
 * command side's Flyway creates it; here the query side runs alone).
 */
public final class PostgresDatabase {
    private static boolean eventStoreCreated;

    private PostgresDatabase() {
    }

    public static synchronized void register(DynamicPropertyRegistry registry) {
        TestDatabase db = TestDatabase.shared("wpm_query_test");
        if (!eventStoreCreated) {
            Flyway.configure().dataSource(db.url(), db.user(), db.password())
                    .schemas("event_store").locations("classpath:db/event-store").load().migrate();
            eventStoreCreated = true;
        }
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
    }
}
