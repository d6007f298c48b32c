package com.webprometrics.localpg;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalPostgresTest {

    @TempDir
    static Path dataDir;
    static LocalPostgres pg;

    @BeforeAll
    static void findServer() {
        pg = LocalPostgres.findOrStart(dataDir);
    }

    @AfterAll
    static void stop() {
        pg.close();
    }

    @Test
    void freshDatabaseIsUsableAndDropEvenWithAnOpenConnection() throws Exception {
        String name = pg.createFreshDatabase("LPG-Test");
        assertTrue(name.startsWith("lpg_test_"), name);
        assertTrue(pg.databaseExists(name));

        Connection open = pg.connect(name);
        try (Statement st = open.createStatement()) {
            st.execute("create table t (id int primary key)");
            st.execute("insert into t values (1)");
        }
        pg.dropDatabase(name); // must terminate 'open' first

        assertFalse(pg.databaseExists(name));
        assertThrows(SQLException.class, () -> open.createStatement().executeQuery("select 1"));
        open.close();
    }

    @Test
    void freshDatabasesGetDistinctNames() {
        String a = pg.createFreshDatabase("lpg");
        String b = pg.createFreshDatabase("lpg");
        try {
            assertNotEquals(a, b);
        } finally {
            pg.dropDatabase(a);
            pg.dropDatabase(b);
        }
    }

    @Test
    void createDatabaseIfMissingIsIdempotent() {
        String name = "lpg_idem_" + ProcessHandle.current().pid();
        try {
            assertTrue(pg.createDatabaseIfMissing(name));
            assertFalse(pg.createDatabaseIfMissing(name));
        } finally {
            pg.dropDatabase(name);
        }
        pg.dropDatabase(name); // dropping a missing database is fine
    }

    @Test
    void namesThatAreNotPlainIdentifiersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> pg.dropDatabase("x\"; drop database postgres; --"));
        assertThrows(IllegalArgumentException.class, () -> pg.createDatabaseIfMissing("a b"));
    }

    @Test
    void explicitUrlWinsAndKeepsItsParameters() {
        LocalPostgres fromEnv = LocalPostgres.findOrStart(dataDir, Map.of(
                "WPM_DATABASE_URL", "jdbc:postgresql://db.example.invalid:6543/wpm_prod?sslmode=require",
                "WPM_DATABASE_USER", "wpm", "WPM_DATABASE_PASSWORD", "s3cret"));
        assertFalse(fromEnv.embedded());
        assertEquals("wpm_prod", fromEnv.defaultDatabase());
        assertEquals("jdbc:postgresql://db.example.invalid:6543/other?sslmode=require", fromEnv.jdbcUrl("other"));
        assertEquals("wpm", fromEnv.user());
        assertEquals("s3cret", fromEnv.password());
        fromEnv.close(); // does not stop anything
    }

    @Test
    void privateClusterStartsAndKeepsItsDataAcrossRestarts(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (LocalPostgres first = LocalPostgres.startEmbedded(dir.resolve("pgdata"), port)) {
            assertTrue(first.embedded());
            assertTrue(first.createDatabaseIfMissing("kept"));
            try (Connection c = first.connect("kept"); Statement st = c.createStatement()) {
                st.execute("create table survivor (v text); insert into survivor values ('still here')");
            }
        }
        assertFalse(LocalPostgres.portOpen("localhost", port), "close() stops the cluster");
        try (LocalPostgres second = LocalPostgres.startEmbedded(dir.resolve("pgdata"), port);
             Connection c = second.connect("kept");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select v from survivor")) {
            assertTrue(rs.next());
            assertEquals("still here", rs.getString(1));
        }
    }
}
