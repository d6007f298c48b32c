package com.webprometrics.localpg;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An install whose objects the administrator created (as before the roles) is handed over, and again changes nothing. */
class ServiceRolesTest {

    @TempDir
    static Path dataDir;
    static LocalPostgres pg;
    static String database;

    @BeforeAll
    static void freshDatabase() {
        pg = LocalPostgres.findOrStart(dataDir);
        database = pg.createFreshDatabase("roles_test");
    }

    @AfterAll
    static void drop() {
        pg.dropDatabase(database);
        pg.close();
    }

    @Test
    void anOlderInstallsObjectsGoToTheirSchemasRoleAndPasswordsAreKeptPrivate() throws Exception {
        try (Connection admin = pg.connect(database); Statement st = admin.createStatement()) {
            st.execute("CREATE SCHEMA command");
            st.execute("CREATE TABLE command.signing_keys (kid text PRIMARY KEY, id bigserial)");
            st.execute("CREATE SCHEMA event_store");
            st.execute("CREATE TABLE event_store.domain_event_entry (global_index bigint GENERATED ALWAYS AS IDENTITY)");
            st.execute("CREATE FUNCTION event_store.head() RETURNS bigint LANGUAGE sql AS 'SELECT 1'");
            st.execute("CREATE SCHEMA query");
            st.execute("CREATE VIEW query.v AS SELECT 1 AS one");

            Path passwords = dataDir.resolve("db-roles.properties");
            Map<String, ServiceRoles.Login> logins = ServiceRoles.apply(admin, passwords, Map.of("query-side", "chosen-one"));

            assertEquals("wpm_command", logins.get("command-side").user());
            assertEquals("chosen-one", logins.get("query-side").password());
            assertEquals(List.of("command.signing_keys=wpm_command", "command.signing_keys_id_seq=wpm_command",
                    "event_store.domain_event_entry=wpm_command", "event_store.domain_event_entry_global_index_seq=wpm_command",
                    "event_store.head=wpm_command", "query.v=wpm_query"), owners(st).stream().sorted().toList());
            assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(passwords));
            String generated = logins.get("command-side").password();
            assertTrue(generated.length() >= 32, generated);

            Map<String, ServiceRoles.Login> again = ServiceRoles.apply(admin, passwords);
            assertEquals(generated, again.get("command-side").password(), "kept across starts");
            try (ResultSet rs = st.executeQuery(
                    "SELECT has_table_privilege('wpm_query', 'event_store.domain_event_entry', 'SELECT'),"
                            + " has_table_privilege('wpm_query', 'event_store.domain_event_entry', 'INSERT'),"
                            + " has_table_privilege('wpm_gateway', 'command.signing_keys', 'SELECT')")) {
                rs.next();
                assertEquals(List.of(true, false, false), List.of(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)));
            }
        }
    }

    private static List<String> owners(Statement st) throws Exception {
        List<String> owners = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("""
                SELECT n.nspname || '.' || c.relname || '=' || pg_get_userbyid(c.relowner)
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname IN ('command', 'event_store', 'query') AND c.relkind IN ('r', 'S', 'v')
                  AND c.relname NOT LIKE '%_pkey'
                UNION ALL
                SELECT n.nspname || '.' || p.proname || '=' || pg_get_userbyid(p.proowner)
                FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'event_store'""")) {
            while (rs.next()) owners.add(rs.getString(1));
        }
        return owners;
    }
}
