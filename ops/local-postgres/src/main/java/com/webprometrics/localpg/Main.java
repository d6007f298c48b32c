package com.webprometrics.localpg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Command line for {@code ./wpm}:
 * <pre>
 * java -jar local-postgres.jar up --data-dir .wpm --database webprometrics --env-file .wpm/db.env
 * java -jar local-postgres.jar create-db NAME [--data-dir .wpm]
 * java -jar local-postgres.jar drop-db NAME [--data-dir .wpm]
 * </pre>
 * {@code up} ensures the database exists, gives each service a role of its own ({@link ServiceRoles}) and writes
 * {@code WPM_DATABASE_URL/USER/PASSWORD} (the administrator), {@code WPM_<SERVICE>_DATABASE_USER/PASSWORD} and
 * {@code WPM_DB_EMBEDDED} to the env file. If it had to start a private cluster it then stays in the
 * foreground until SIGTERM/SIGINT and stops PostgreSQL cleanly; otherwise it exits 0 at once.
 */
public final class Main {

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.out");
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            usage();
            return;
        }
        Map<String, String> opts = options(args);
        Path dataDir = Path.of(opts.getOrDefault("data-dir",
                System.getenv().getOrDefault("WPM_DATA_DIR", ".wpm"))).toAbsolutePath();
        switch (args[0]) {
            case "up" -> up(dataDir, opts.getOrDefault("database", "webprometrics"), opts.get("env-file"));
            case "create-db" -> {
                try (LocalPostgres pg = LocalPostgres.findOrStart(dataDir)) {
                    pg.createDatabaseIfMissing(opts.get("_1"));
                    System.out.println(pg.jdbcUrl(opts.get("_1")));
                }
            }
            case "drop-db" -> {
                try (LocalPostgres pg = LocalPostgres.findOrStart(dataDir)) {
                    pg.dropDatabase(opts.get("_1"));
                }
            }
            default -> {
                usage();
                System.exit(2);
            }
        }
    }

    private static void up(Path dataDir, String database, String envFile) throws Exception {
        LocalPostgres pg = LocalPostgres.findOrStart(dataDir);
        try {
            // an explicit WPM_DATABASE_URL names its own database; otherwise we use --database
            String db = System.getenv("WPM_DATABASE_URL") != null && !System.getenv("WPM_DATABASE_URL").isBlank()
                    ? pg.defaultDatabase() : database;
            pg.createDatabaseIfMissing(db);
            Map<String, String> vars = new LinkedHashMap<>();
            vars.put("WPM_DATABASE_URL", pg.jdbcUrl(db));
            vars.put("WPM_DATABASE_USER", pg.user());
            vars.put("WPM_DATABASE_PASSWORD", pg.password());
            vars.put("WPM_DB_EMBEDDED", Boolean.toString(pg.embedded()));
            vars.putAll(serviceLogins(pg, db, dataDir));
            if (envFile != null) writeEnvFile(Path.of(envFile), vars);
            System.out.println("PostgreSQL ready (" + pg.source() + "): " + pg.jdbcUrl(db) + " user=" + pg.user());
        } catch (RuntimeException | IOException e) {
            pg.close();
            throw e;
        }
        if (!pg.embedded()) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(pg::close, "stop-postgres"));
        System.out.println("Private cluster running; stop with SIGTERM (./wpm down) or Ctrl-C.");
        System.out.flush();
        new CountDownLatch(1).await(); // until a signal runs the shutdown hook
    }

    /**
     * {@code WPM_<SERVICE>_DATABASE_USER/PASSWORD} for each service: the operator's own roles when all three users are
     * set, else the service roles set up here (with the passwords of {@code WPM_<SERVICE>_DATABASE_PASSWORD} where
     * given, as compose does), else (an administrator that may not create roles) the administrator, with a warning.
     */
    private static Map<String, String> serviceLogins(LocalPostgres pg, String db, Path dataDir)
            throws SQLException, IOException {
        Map<String, String> vars = new LinkedHashMap<>();
        Map<String, String> prefixes = Map.of(ServiceRoles.COMMAND, "WPM_COMMAND_DATABASE_",
                ServiceRoles.QUERY, "WPM_QUERY_DATABASE_", ServiceRoles.GATEWAY, "WPM_GATEWAY_DATABASE_");
        boolean given = prefixes.values().stream().allMatch(p -> System.getenv(p + "USER") != null);
        if (given) {
            prefixes.values().forEach(p -> {
                vars.put(p + "USER", System.getenv(p + "USER"));
                vars.put(p + "PASSWORD", java.util.Objects.requireNonNullElse(System.getenv(p + "PASSWORD"), ""));
            });
            return vars;
        }
        try (Connection admin = pg.connect(db)) {
            if (ServiceRoles.canApply(admin)) {
                Map<String, String> chosen = new LinkedHashMap<>();
                prefixes.forEach((service, p) -> chosen.put(service, System.getenv(p + "PASSWORD")));
                ServiceRoles.apply(admin, dataDir.resolve("db-roles.properties"), chosen).forEach((service, login) -> {
                    vars.put(prefixes.get(service) + "USER", login.user());
                    vars.put(prefixes.get(service) + "PASSWORD", login.password());
                });
                return vars;
            }
        }
        System.out.println("WARNING: " + pg.user() + " may not create roles, so every service connects as " + pg.user()
                + "; see docs/operations.md \"Database roles\" to give each service its own");
        prefixes.values().forEach(p -> {
            vars.put(p + "USER", pg.user());
            vars.put(p + "PASSWORD", pg.password());
        });
        return vars;
    }

    /** KEY='value' lines, readable by bash {@code source} and systemd's EnvironmentFile; written atomically, mode 0600. */
    static void writeEnvFile(Path file, Map<String, String> vars) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        StringBuilder sb = new StringBuilder("# written by local-postgres; rewritten on every ./wpm up\n");
        vars.forEach((k, v) -> sb.append(k).append("='").append(v.replace("'", "'\\''")).append("'\n"));
        Path tmp = Files.createTempFile(dir, ".db-env", ".tmp"); // created 0600 by default on POSIX
        Files.writeString(tmp, sb);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        int positional = 0;
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String key = args[i].substring(2);
                int eq = key.indexOf('=');
                if (eq >= 0) {
                    opts.put(key.substring(0, eq), key.substring(eq + 1));
                } else if (i + 1 < args.length) {
                    opts.put(key, args[++i]);
                } else {
                    throw new IllegalArgumentException("Missing value for --" + key);
                }
            } else {
                opts.put("_" + (++positional), args[i]);
            }
        }
        return opts;
    }

    private static void usage() {
        System.out.println("""
                usage: java -jar local-postgres.jar up [--data-dir DIR] [--database NAME] [--env-file FILE]
                       java -jar local-postgres.jar create-db NAME [--data-dir DIR]
                       java -jar local-postgres.jar drop-db NAME [--data-dir DIR]
                Finds PostgreSQL: WPM_DATABASE_URL, else localhost:5432 (user postgres or the OS user, no password),
                else a private cluster in DIR/pgdata on port WPM_LOCAL_PG_PORT (default 54329).""");
    }

    private Main() {
    }
}
