package com.webprometrics.gateway.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh database {@code gw_test_<random>} on the PostgreSQL at localhost:5432 (user postgres, trust
 * auth), dropped when the JVM exits. Stop-gap until ops/local-postgres
 * ({@code com.webprometrics.localpg.LocalPostgres}) exists; then switch to it.
 * Override the server with WPM_TEST_PG_URL / WPM_TEST_PG_USER / WPM_TEST_PG_PASSWORD.
 */
public final class TestDatabase {

    private static final String ADMIN_URL = env("WPM_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = env("WPM_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("WPM_TEST_PG_PASSWORD", "");
    private static TestDatabase shared;

    private final String name;
    private final String url;

    private TestDatabase(String name) {
        this.name = name;
        this.url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
    }

    /** One database per test JVM (Spring caches the application context across test classes too). */
    public static synchronized TestDatabase shared() {
        if (shared == null) {
            shared = create();
            TestDatabase db = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(db::drop));
        }
        return shared;
    }

    public static TestDatabase create() {
        String name = "gw_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + ADMIN_URL, e);
        }
        return new TestDatabase(name);
    }

    public void drop() {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("could not drop test database " + name + ": " + e);
        }
    }

    public String url() {
        return url;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
