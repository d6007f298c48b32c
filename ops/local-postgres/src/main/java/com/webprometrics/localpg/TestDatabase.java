package com.webprometrics.localpg;

import java.nio.file.Path;

/**
 * One fresh, uniquely named database per test JVM and prefix on whatever PostgreSQL {@link LocalPostgres} finds or
 * starts; dropped again when the JVM exits. Lets Spring tests point {@code spring.datasource.*} at a
 * real server without sharing state with other runs.
 */
public final class TestDatabase {
    private static final java.util.Map<String, TestDatabase> INSTANCES = new java.util.HashMap<>();

    private final String url;
    private final String user;
    private final String password;

    private TestDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public static synchronized TestDatabase shared(String prefix) {
        TestDatabase instance = INSTANCES.get(prefix);
        if (instance == null) {
            LocalPostgres postgres = LocalPostgres.findOrStart(Path.of(System.getProperty("java.io.tmpdir"), "wpm-test-pg"));
            String name = postgres.createFreshDatabase(prefix);
            instance = new TestDatabase(postgres.jdbcUrl(name), postgres.user(), postgres.password());
            INSTANCES.put(prefix, instance);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.dropDatabase(name);
                } finally {
                    postgres.close();
                }
            }, "drop-test-database"));
        }
        return instance;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }
}
