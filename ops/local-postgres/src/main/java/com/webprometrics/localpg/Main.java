package com.webprometrics.localpg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * {@code up} ensures the database exists and writes {@code WPM_DATABASE_URL/USER/PASSWORD} (plus
 * {@code WPM_DB_EMBEDDED}) to the env file. If it had to start a private cluster it then stays in the
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
