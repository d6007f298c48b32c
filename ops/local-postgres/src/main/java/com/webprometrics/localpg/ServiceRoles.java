package com.webprometrics.localpg;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * One login role per service, each owning only its own schemas, so that a service's connections reach nothing
 * another service keeps:
 * <ul>
 *   <li>{@code wpm_command} owns {@code command} (credentials, signing keys, tokens) and {@code event_store};</li>
 *   <li>{@code wpm_query} owns {@code query} and may only read {@code event_store} (it cannot append an event);</li>
 *   <li>{@code wpm_gateway} owns {@code gateway} (its rate-limit buckets) and nothing else.</li>
 * </ul>
 * Applied by an administrator connection to the application's database, as often as wanted: roles that exist keep
 * their password (from the passwords file), objects an earlier install created as the administrator are handed to
 * their schema's owner. Each service then migrates its own schemas with Flyway as its own role.
 */
public final class ServiceRoles {
    private static final Logger log = LoggerFactory.getLogger(ServiceRoles.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What one service connects as. */
    public record Login(String user, String password) {
    }

    public static final String COMMAND = "command-side";
    public static final String QUERY = "query-side";
    public static final String GATEWAY = "api-gateway";

    private static final Map<String, String> ROLES = Map.of(COMMAND, "wpm_command", QUERY, "wpm_query",
            GATEWAY, "wpm_gateway");
    /** Schema → the role that owns it. */
    private static final Map<String, String> OWNERS = Map.of("command", "wpm_command", "event_store", "wpm_command",
            "privacy", "wpm_command", "query", "wpm_query", "gateway", "wpm_gateway");

    private ServiceRoles() {
    }

    /** Whether {@code admin} may create roles (a superuser, or CREATEROLE). */
    public static boolean canApply(Connection admin) throws SQLException {
        try (Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("select rolsuper or rolcreaterole from pg_roles where rolname = current_user")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /**
     * Creates or updates the roles, schemas and grants in the database {@code admin} is connected to; answers each
     * service's login. Passwords are read from {@code passwordsFile}, or generated and stored there (mode 600).
     */
    public static Map<String, Login> apply(Connection admin, Path passwordsFile) throws SQLException, IOException {
        return apply(admin, passwordsFile, Map.of());
    }

    /** The same, with the passwords {@code given} per service (e.g. from a deployment's secrets) taking precedence. */
    public static Map<String, Login> apply(Connection admin, Path passwordsFile, Map<String, String> given)
            throws SQLException, IOException {
        Properties passwords = passwords(passwordsFile);
        given.forEach((service, password) -> {
            if (ROLES.containsKey(service) && password != null && !password.isBlank()) {
                passwords.setProperty(ROLES.get(service), password);
            }
        });
        Map<String, Login> logins = new LinkedHashMap<>();
        boolean autoCommit = admin.getAutoCommit();
        admin.setAutoCommit(true);
        try (Statement st = admin.createStatement()) {
            // roles live in the cluster, shared by every database on it: two first starts at once may race
            st.execute("select pg_advisory_lock(hashtext('wpm service roles'))");
            try {
                for (String service : List.of(COMMAND, QUERY, GATEWAY)) {
                    String role = ROLES.get(service);
                    String password = passwords.getProperty(role);
                    createRole(admin, role, password);
                    logins.put(service, new Login(role, password));
                }
                boolean superuser = isSuperuser(admin);
                for (String role : ROLES.values()) {
                    if (!superuser) st.execute("grant " + role + " to current_user"); // to hand objects to it
                }
                for (Map.Entry<String, String> schema : OWNERS.entrySet()) {
                    st.execute("create schema if not exists " + schema.getKey() + " authorization " + schema.getValue());
                    st.execute("alter schema " + schema.getKey() + " owner to " + schema.getValue());
                    handOver(admin, schema.getKey(), schema.getValue());
                }
                // the first migrations say CREATE SCHEMA IF NOT EXISTS, which PostgreSQL checks against the database's
                // CREATE privilege even when the schema exists; a new schema of its own reaches nothing of another's
                st.execute("grant create on database " + quoted(databaseName(admin)) + " to wpm_command, wpm_query");
                st.execute("grant usage on schema event_store to wpm_query");
                st.execute("grant select on all tables in schema event_store to wpm_query");
                st.execute("grant select on all sequences in schema event_store to wpm_query");
                st.execute("alter default privileges for role wpm_command in schema event_store grant select on tables to wpm_query");
                st.execute("alter default privileges for role wpm_command in schema event_store grant select on sequences to wpm_query");
                // the data subjects' keys: the query side reads events' personal data, so it reads their keys
                st.execute("grant usage on schema privacy to wpm_query");
                st.execute("grant select on all tables in schema privacy to wpm_query");
                st.execute("alter default privileges for role wpm_command in schema privacy grant select on tables to wpm_query");
            } finally {
                st.execute("select pg_advisory_unlock(hashtext('wpm service roles'))");
            }
        } finally {
            admin.setAutoCommit(autoCommit);
        }
        log.info("Service roles in place: {}", String.join(", ", ROLES.values()));
        return logins;
    }

    private static void createRole(Connection admin, String role, String password) throws SQLException {
        boolean exists;
        try (PreparedStatement ps = admin.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                exists = rs.next();
            }
        }
        try (Statement st = admin.createStatement()) {
            if (!exists) st.execute("create role " + role + " login");
            // whatever it was before, it is a plain login role now, with the password the services are given
            st.execute("alter role " + role + " login nosuperuser nocreatedb nocreaterole nobypassrls password "
                    + literal(password));
        }
    }

    private static boolean isSuperuser(Connection admin) throws SQLException {
        try (Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** Tables, views, sequences of their own and functions in {@code schema} that someone else owns. */
    private static void handOver(Connection admin, String schema, String owner) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (PreparedStatement ps = admin.prepareStatement("""
                select case c.relkind when 'S' then 'sequence' when 'v' then 'view'
                                      when 'm' then 'materialized view' else 'table' end,
                       format('%I.%I', n.nspname, c.relname)
                from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = ? and c.relkind in ('r', 'p', 'v', 'm', 'S')
                  and pg_get_userbyid(c.relowner) <> ?
                  -- a sequence behind an identity or serial column follows its table
                  and not (c.relkind = 'S' and exists (select 1 from pg_depend d
                           where d.objid = c.oid and d.classid = 'pg_class'::regclass and d.deptype in ('a', 'i')))
                union all
                select case p.prokind when 'p' then 'procedure' else 'function' end,
                       format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid))
                from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where n.nspname = ? and pg_get_userbyid(p.proowner) <> ?""")) {
            ps.setString(1, schema);
            ps.setString(2, owner);
            ps.setString(3, schema);
            ps.setString(4, owner);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) statements.add("alter " + rs.getString(1) + " " + rs.getString(2) + " owner to " + owner);
            }
        }
        try (Statement st = admin.createStatement()) {
            for (String statement : statements) st.execute(statement);
        }
        if (!statements.isEmpty()) log.info("Handed {} objects of schema {} to {}", statements.size(), schema, owner);
    }

    private static Properties passwords(Path file) throws IOException {
        Properties passwords = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                passwords.load(in);
            }
        }
        boolean added = false;
        for (String role : ROLES.values()) {
            if (passwords.getProperty(role) == null || passwords.getProperty(role).isBlank()) {
                byte[] secret = new byte[24];
                RANDOM.nextBytes(secret);
                passwords.setProperty(role, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
                added = true;
            }
        }
        if (added) {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".db-roles", ".tmp"); // 0600 on POSIX
            try (Writer out = Files.newBufferedWriter(tmp)) {
                passwords.store(out, "PostgreSQL logins of the services (generated at first start; keep private)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return passwords;
    }

    private static String databaseName(Connection admin) throws SQLException {
        try (Statement st = admin.createStatement(); ResultSet rs = st.executeQuery("select current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
