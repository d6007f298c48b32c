package com.webprometrics.systemtests;

import com.webprometrics.localpg.LocalPostgres;
import com.webprometrics.localpg.ServiceRoles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole stack as separate processes: the three packaged jars on a fresh database, on free ports.
 * <p>
 * Tests normally share one stack per JVM through {@link #shared()} (or {@code @ExtendWith(StackExtension.class)});
 * a test that needs other settings (tight rate limits, a stopped service…) builds its own with
 * {@link #builder()} and closes it. Process output goes to {@code system-tests/target/stack-logs/<service>.log}.
 * <p>
 * System properties: {@code wpm.stack.startTimeoutSeconds} (default 90, per start-up stage),
 * {@code wpm.stack.jvmOpts} (JVM flags of the services), {@code wpm.stack.keepDatabase=true} (do not drop it).
 */
public final class Stack implements AutoCloseable {

    public static final String COMMAND = "command-side";
    public static final String QUERY = "query-side";
    public static final String GATEWAY = "api-gateway";

    private static final String DEFAULT_JVM_OPTS =
            "-Xms64m -Xmx512m -Xss512k -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError";
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    private static Stack shared;

    private final String name;
    private final Path repoRoot;
    private final Path logDir;
    private final Map<String, String> extraEnv;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private LocalPostgres postgres;
    private boolean ownsPostgres = true;
    private String database;
    private Map<String, ServiceRoles.Login> logins = Map.of();
    private volatile boolean closed;
    /** The payment provider's stand-in, in this JVM: its secret key and webhook secret are made per stack. */
    private com.webprometrics.paymentstandin.StandIn payments;
    private final String paymentKey = "sk_test_" + java.util.UUID.randomUUID().toString().replace("-", "");
    private final String paymentWebhookSecret = "whsec_" + java.util.UUID.randomUUID().toString().replace("-", "");

    private final Integer fixedGatewayPort;

    private Stack(String name, Map<String, String> extraEnv) {
        this(name, extraEnv, null);
    }

    private Stack(String name, Map<String, String> extraEnv, Integer fixedGatewayPort) {
        this.name = name;
        this.fixedGatewayPort = fixedGatewayPort;
        this.repoRoot = RepoLayout.root();
        this.logDir = RepoLayout.systemTestsDir().resolve("target/stack-logs");
        this.extraEnv = Map.copyOf(extraEnv);
    }

    /** The stack shared by all tests of this JVM, started on first use and stopped when the JVM ends. */
    public static synchronized Stack shared() {
        if (shared == null) {
            Stack stack = new Stack("", Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stop-wpm-stack"));
            try {
                stack.start();
            } catch (RuntimeException | Error e) {
                stack.close();
                throw e;
            }
            shared = stack;
        }
        return shared;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** For a private stack: a name (suffix of its log files) and extra environment for all three services. */
    public static final class Builder {
        private String name = "custom";
        private final Map<String, String> env = new LinkedHashMap<>();
        private Integer gatewayPort;
        private LocalPostgres postgres;

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        /**
         * The gateway's port, for settings that must name the stack's own URL before it starts (the OAuth
         * redirect URI a browser comes back to). Take it from {@link #freePort()}.
         */
        public Builder gatewayPort(int port) {
            this.gatewayPort = port;
            return this;
        }

        /** A PostgreSQL server of the test's own (e.g. a private cluster it stops); the stack does not stop it. */
        public Builder postgres(LocalPostgres postgres) {
            this.postgres = postgres;
            return this;
        }

        /** Starts it; the caller closes it (try-with-resources or @AfterAll). */
        public Stack start() {
            Stack stack = new Stack(name, env, gatewayPort);
            if (postgres != null) {
                stack.postgres = postgres;
                stack.ownsPostgres = false;
            }
            try {
                stack.start();
            } catch (RuntimeException | Error e) {
                stack.close();
                throw e;
            }
            return stack;
        }
    }

    // ------------------------------------------------------------------------------------------ accessors

    /** The gateway, e.g. {@code http://localhost:41234} (no trailing slash). */
    public String baseUrl() {
        return "http://localhost:" + port(GATEWAY);
    }

    /** The payment provider's stand-in (its API and its hosted setup page). */
    /** A platform operator's e-mail and password (signed up, then granted OPS by the machine's operator token). */
    public record Operator(String email, String password) {
    }

    private Operator operator;

    /** The stack's platform operator, made once, as {@code ./wpm ops grant} would. */
    public synchronized Operator operator() throws IOException, InterruptedException {
        if (operator == null) {
            Operator made = new Operator("ops-" + java.util.UUID.randomUUID() + "@platform.test",
                    "operator passphrase " + java.util.UUID.randomUUID());
            ApiResponse signedUp = api().fromNewAddress().post("/api/auth/signup", Map.of("agencyName", "Platform Ops",
                    "name", "Olly Ops", "email", made.email(), "password", made.password()), null);
            if (signedUp.status() != 201) throw new IllegalStateException("operator sign-up: " + signedUp);
            String token = Files.readString(RepoLayout.systemTestsDir().resolve("target/wpm-data/operator-token")).trim();
            java.net.http.HttpResponse<String> granted = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(commandUrl() + "/internal/operators/ops/grant"))
                            .header("Content-Type", "application/json").header("X-Operator-Token", token)
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Api.toJson(Map.of("email", made.email()))))
                            .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            if (granted.statusCode() != 200) throw new IllegalStateException("ops grant: " + granted.body());
            operator = made;
        }
        return operator;
    }

    public String paymentsUrl() {
        return "http://localhost:" + payments.port();
    }

    /** The secret key the command side calls the stand-in with. */
    public String paymentKey() {
        return paymentKey;
    }

    /** Signs a webhook body as the provider does for this stack's endpoint. */
    public String paymentWebhookSecret() {
        return paymentWebhookSecret;
    }

    /** A fresh HTTP helper against the gateway. */
    public Api api() {
        return new Api(URI.create(baseUrl()));
    }

    public String commandUrl() {
        return "http://localhost:" + port(COMMAND);
    }

    public String queryUrl() {
        return "http://localhost:" + port(QUERY);
    }

    public int port(String service) {
        Integer p = ports.get(service);
        if (p == null) throw new IllegalArgumentException("No service " + service);
        return p;
    }

    /** The JDBC URL of this stack's own database (for tests that look at tables directly). */
    public String jdbcUrl() {
        return postgres.jdbcUrl(database);
    }

    public String databaseName() {
        return database;
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    /** The database login a service of this stack runs as. */
    public ServiceRoles.Login login(String service) {
        return logins.get(service);
    }

    public Path repoRoot() {
        return repoRoot;
    }

    /** Where this stack's command side publishes its audit checkpoints (the anchor outside the database). */
    public Path auditSinkFile() {
        return RepoLayout.systemTestsDir().resolve("target/wpm-data/audit-" + database + ".ndjson");
    }

    public Path logFile(String service) {
        return logDir.resolve(service + (name.isEmpty() ? "" : "-" + name) + ".log");
    }

    /** Last {@code lines} lines of a service's log. */
    public String logTail(String service, int lines) {
        return tail(logFile(service), lines);
    }

    public Process process(String service) {
        return processes.get(service);
    }

    // ------------------------------------------------------------------------------------------ start/stop

    private void start() {
        List<String> missing = new ArrayList<>();
        for (String service : List.of(COMMAND, QUERY, GATEWAY)) {
            if (!Files.isRegularFile(jar(service))) missing.add(repoRoot.relativize(jar(service)).toString());
        }
        if (!Files.isRegularFile(RepoLayout.spaDir().resolve("index.html"))) missing.add("frontend/dist/index.html");
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The stack cannot start: missing " + missing
                    + ". Build first (mvn -B -ntp verify from the repository root builds every module before"
                    + " system-tests; or mvn -B -ntp -DskipTests package).");
        }
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (postgres == null) {
            postgres = LocalPostgres.findOrStart(RepoLayout.systemTestsDir().resolve("target/wpm-data"));
        }
        database = postgres.createFreshDatabase("wpm_st");
        // each service connects as its own least-privileged role, as ./wpm up runs them
        try (Connection admin = postgres.connect(database)) {
            logins = ServiceRoles.apply(admin, RepoLayout.systemTestsDir().resolve("target/wpm-data/db-roles.properties"));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot set up the service roles: " + e.getMessage(), e);
        }
        for (String service : List.of(COMMAND, QUERY, GATEWAY)) ports.put(service, freePort());
        if (fixedGatewayPort != null) ports.put(GATEWAY, fixedGatewayPort);

        try {
            int paymentsPort = freePort();
            payments = new com.webprometrics.paymentstandin.StandIn(paymentsPort,
                    java.net.URI.create("http://localhost:" + paymentsPort), paymentKey, paymentWebhookSecret,
                    java.net.URI.create(baseUrl() + "/api/webhooks/payments/stripe"), java.time.Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        long stageTimeout = Long.getLong("wpm.stack.startTimeoutSeconds", 90);
        launch(COMMAND);
        awaitHealthy(COMMAND, commandUrl() + "/actuator/health", stageTimeout);
        launch(QUERY);
        launch(GATEWAY);
        awaitHealthy(QUERY, queryUrl() + "/actuator/health", stageTimeout);
        awaitHealthy(GATEWAY, baseUrl() + "/health", stageTimeout);
    }

    /** Kills one service (SIGKILL: no shutdown hook, nothing flushed) and starts it again on the same port. */
    public void killAndRestart(String service) {
        killAndRestart(service, () -> { });
    }

    /** The same, running {@code whileDown} after the kill and before the start (maintenance on a stopped service). */
    public void killAndRestart(String service, Runnable whileDown) {
        Process process = processes.get(service);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        whileDown.run();
        launch(service);
        String health = GATEWAY.equals(service) ? baseUrl() + "/health"
                : (COMMAND.equals(service) ? commandUrl() : queryUrl()) + "/actuator/health";
        awaitHealthy(service, health, Long.getLong("wpm.stack.startTimeoutSeconds", 90));
    }

    private Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("WPM_DATABASE_URL", postgres.jdbcUrl(database));
        env.put("WPM_DATABASE_USER", postgres.user());
        env.put("WPM_DATABASE_PASSWORD", postgres.password());
        env.put("WPM_GATEWAY_PORT", String.valueOf(port(GATEWAY)));
        env.put("WPM_COMMAND_PORT", String.valueOf(port(COMMAND)));
        env.put("WPM_QUERY_PORT", String.valueOf(port(QUERY)));
        env.put("WPM_COMMAND_URL", commandUrl());
        env.put("WPM_QUERY_URL", queryUrl());
        env.put("WPM_JWKS_URL", commandUrl() + "/api/auth/jwks");
        env.put("WPM_DATA_DIR", RepoLayout.systemTestsDir().resolve("target/wpm-data").toString());
        env.put("WPM_SPA_DIR", RepoLayout.spaDir().toString());
        env.put("SPRING_OUTPUT_ANSI_ENABLED", "never");
        env.put("WPM_PUBLIC_URL", baseUrl());
        env.put("WPM_PAYMENT_API_URL", paymentsUrl());
        env.put("WPM_PAYMENT_SECRET_KEY", paymentKey);
        env.put("WPM_PAYMENT_WEBHOOK_SECRET", paymentWebhookSecret);
        env.put("WPM_BILLING_TEST_CLOCKS", "true");
        // a checkpoint soon after each test's writes, and a sink of this stack's own (stacks share the data dir)
        env.put("WPM_AUDIT_CHECKPOINT_INTERVAL", "1s");
        env.put("WPM_AUDIT_SINK_FILE", auditSinkFile().toString());
        env.putAll(extraEnv);
        return env;
    }

    private void launch(String service) {
        processes.put(service, start(service, Map.of(), logFile(service)));
    }

    /**
     * A second instance of a service on another port against the same database, started and healthy; the caller
     * stops it.
     */
    public Process launchExtra(String service, int port) {
        String portVariable = switch (service) {
            case COMMAND -> "WPM_COMMAND_PORT";
            case QUERY -> "WPM_QUERY_PORT";
            default -> "WPM_GATEWAY_PORT";
        };
        Process extra = start(service, Map.of(portVariable, String.valueOf(port)),
                logDir.resolve(service + "-" + port + ".log"));
        String health = "http://127.0.0.1:" + port + (GATEWAY.equals(service) ? "/health" : "/actuator/health");
        processes.put(service + "-" + port, extra);
        awaitHealthy(service + "-" + port, health, Long.getLong("wpm.stack.startTimeoutSeconds", 90));
        return extra;
    }

    private Process start(String service, Map<String, String> overrides, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(System.getProperty("wpm.stack.jvmOpts", DEFAULT_JVM_OPTS).trim().split("\\s+")));
        command.add("-jar");
        command.add(jar(service).toString());
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(repoRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        pb.environment().putAll(environment());
        ServiceRoles.Login login = logins.get(service);
        pb.environment().put("WPM_DATABASE_USER", login.user());
        pb.environment().put("WPM_DATABASE_PASSWORD", login.password());
        pb.environment().putAll(overrides);
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + service + ": " + command, e);
        }
    }

    private void awaitHealthy(String service, String url, long timeoutSeconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            Process p = processes.get(service);
            if (!p.isAlive()) {
                throw new IllegalStateException(service + " exited with code " + p.exitValue()
                        + " during start-up.\n" + allLogTails());
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200 && r.body().replace(" ", "").contains("\"status\":\"UP\"")) return;
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + service, e);
            }
            sleep(500);
        }
        throw new IllegalStateException(service + " not healthy at " + url + " after " + timeoutSeconds
                + " s; last answer: " + abbreviate(last, 500) + "\n" + allLogTails());
    }

    /** Stops the services (gateway first), then drops the database; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        List<String> order = new ArrayList<>(processes.keySet());
        java.util.Collections.reverse(order);
        for (String service : order) processes.get(service).destroy();
        if (payments != null) payments.close();
        for (String service : order) {
            Process p = processes.get(service);
            try {
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (postgres != null) {
            try {
                if (database != null && !Boolean.getBoolean("wpm.stack.keepDatabase")) postgres.dropDatabase(database);
            } catch (RuntimeException e) {
                System.err.println("Could not drop " + database + ": " + e.getMessage());
            } finally {
                if (ownsPostgres) postgres.close();
            }
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private Path jar(String service) {
        return repoRoot.resolve(service).resolve("target").resolve(service + ".jar");
    }

    private String allLogTails() {
        StringBuilder sb = new StringBuilder();
        for (String service : processes.keySet()) {
            sb.append("----- last lines of ").append(logFile(service)).append(" -----\n")
                    .append(logTail(service, 40)).append('\n');
        }
        return sb.toString();
    }

    static String tail(Path file, int lines) {
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "r")) {
            long from = Math.max(0, f.length() - 64 * 1024);
            byte[] bytes = new byte[(int) (f.length() - from)];
            f.seek(from);
            f.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\r?\n");
            return String.join("\n", Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
        } catch (java.io.FileNotFoundException e) {
            return "(no log)";
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** A port nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
