package com.webprometrics.systemtests;

import com.webprometrics.localpg.ServiceRoles;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Check 3 of issue 10's database part: each service of the running stack connects as its own role, and a role
 * reaches only what its service needs. The whole suite runs the services under these roles, so what they need is
 * granted; this test shows what they are refused.
 */
class LeastPrivilegeTest {
    private static final String SECRETS = "command.credentials";
    private static final String SIGNING_KEYS = "command.signing_keys";
    private static final String EVENTS = "event_store.domain_event_entry";
    private static final String READ_MODEL = "query.clients_view";
    private static final String BUCKETS = "gateway.rate_limit_bucket";

    private final Stack stack = Stack.shared();

    private Connection connectAs(String service) throws SQLException {
        ServiceRoles.Login login = stack.login(service);
        return DriverManager.getConnection(stack.jdbcUrl(), login.user(), login.password());
    }

    private static void reads(Connection db, String table) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            assertThat(rs.next()).isTrue();
        }
    }

    private static void refused(Connection db, String sql) {
        assertThatThrownBy(() -> {
            try (Statement st = db.createStatement()) {
                st.execute(sql);
            }
        }).as(sql).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("42501")); // insufficient_privilege
    }

    @Test
    void theGatewayReachesOnlyItsRateLimitBuckets() throws SQLException {
        try (Connection db = connectAs(Stack.GATEWAY)) {
            reads(db, BUCKETS);
            for (String table : List.of(SECRETS, SIGNING_KEYS, EVENTS, READ_MODEL)) refused(db, "SELECT * FROM " + table);
        }
    }

    @Test
    void theQuerySideReadsEventsButCannotWriteThemNorReadTheCommandSidesSecrets() throws SQLException {
        try (Connection db = connectAs(Stack.QUERY)) {
            reads(db, EVENTS);
            reads(db, READ_MODEL);
            for (String table : List.of(SECRETS, SIGNING_KEYS, "command.refresh_tokens", "command.integration_credentials",
                    BUCKETS)) {
                refused(db, "SELECT * FROM " + table);
            }
            refused(db, "DELETE FROM " + EVENTS);
            refused(db, "UPDATE " + EVENTS + " SET payload = payload");
        }
    }

    @Test
    void theCommandSideKeepsToItsOwnSchemas() throws SQLException {
        try (Connection db = connectAs(Stack.COMMAND)) {
            reads(db, SIGNING_KEYS);
            reads(db, EVENTS);
            refused(db, "SELECT * FROM " + READ_MODEL);
            refused(db, "SELECT * FROM " + BUCKETS);
        }
    }

    @Test
    void noServiceRoleIsPrivilegedOrTheAdministrator() throws SQLException {
        for (String service : List.of(Stack.COMMAND, Stack.QUERY, Stack.GATEWAY)) {
            assertThat(stack.login(service).user()).isNotEqualTo(stack.postgres().user());
            try (Connection db = connectAs(service); Statement st = db.createStatement();
                 ResultSet rs = st.executeQuery("""
                         SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls FROM pg_roles
                         WHERE rolname = current_user""")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).as(service).isFalse();
            }
        }
    }
}
