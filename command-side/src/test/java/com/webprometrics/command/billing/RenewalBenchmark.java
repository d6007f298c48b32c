package com.webprometrics.command.billing;

import com.webprometrics.command.CommandSideApplication;
import com.webprometrics.command.billing.SubscriptionCommands.StartPaymentMethodSetup;
import com.webprometrics.command.billing.SubscriptionCommands.StartTrial;
import com.webprometrics.command.infra.Commands;
import com.webprometrics.paymentstandin.StandIn;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ops/bench/billing.sh}: N subscriptions (10,000) whose trials all end at the same instant, each with a card
 * saved through the provider stand-in's hosted page and signed webhooks, then invoiced and charged by their own
 * deadlines. Prints the webhook intake, the renewal time, the double-charge check (the stand-in's PaymentIntents per
 * invoice) and PostgreSQL's own commit rate measured in the same run. Not a test: run by the script only.
 */
public final class RenewalBenchmark {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(System.getProperty("bench.subscriptions", "10000"));
        int threads = Integer.parseInt(System.getProperty("bench.threads", "8"));
        String admin = System.getProperty("bench.admin-url", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        String database = "wpm_bench_billing";
        try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        }
        String url = admin.replace("/postgres?", "/" + database + "?");
        double postgres = postgresCommitsPerSecond(url, threads);

        int appPort = freePort();
        int standInPort = freePort();
        String secret = "sk_test_" + UUID.randomUUID().toString().replace("-", "");
        String webhookSecret = "whsec_" + UUID.randomUUID().toString().replace("-", "");
        try (StandIn standIn = new StandIn(standInPort, URI.create("http://127.0.0.1:" + standInPort), secret,
                webhookSecret, URI.create("http://127.0.0.1:" + appPort + "/api/webhooks/payments/stripe"),
                Clock.systemUTC(), null)) {
            // system properties: they rank above application.yml (builder defaults would not)
            Map.<String, Object>of(
                            "server.port", appPort,
                            "spring.datasource.url", url.substring(0, url.indexOf('?')),
                            "spring.datasource.username", "postgres",
                            "wpm.credentials.data-dir", Files.createTempDirectory("wpm-bench").toString(),
                            "wpm.billing.provider.api-url", "http://127.0.0.1:" + standInPort,
                            "wpm.billing.provider.secret-key", secret,
                            "wpm.billing.provider.webhook-secrets", webhookSecret,
                            "db-scheduler.polling-interval", "1s",
                            "db-scheduler.threads", String.valueOf(threads))
                    .forEach((key, value) -> System.setProperty(key, String.valueOf(value)));
            ConfigurableApplicationContext app = new SpringApplicationBuilder(CommandSideApplication.class).run();
            try {
                run(app, n, threads, standInPort, secret, postgres);
            } finally {
                app.close();
            }
        }
        System.exit(0); // a harness, not a test: whatever thread a library left running must not keep the JVM
    }

    private static void run(ConfigurableApplicationContext app, int n, int threads, int standInPort, String secret,
                            double postgres) throws Exception {
        Commands commands = app.getBean(Commands.class);
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        BillingProperties billing = app.getBean(BillingProperties.class);
        Instant start = Instant.now();
        Instant trialEnd = start.plus(Duration.ofSeconds(Long.getLong("bench.setup-seconds", 240)));
        // a warm-up cohort renews 30 s earlier, unmeasured: the renewal path is compiled (JIT) before the instant, as
        // in a service that has been running
        int warmUp = Integer.getInteger("bench.warmup", n / 10);
        Instant warmUpEnd = trialEnd.minusSeconds(30);
        List<UUID> agencies = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < n + warmUp; i++) {
            UUID agency = UUID.randomUUID();
            agencies.add(agency);
        }
        for (int i = 0; i < agencies.size(); i++) {
            UUID agency = agencies.get(i);
            Instant ends = i < warmUp ? warmUpEnd : trialEnd;
            work.add(pool.submit(() -> commands.send(new StartTrial(SubscriptionIds.of(agency), agency,
                    billing.defaultPlan(), billing.defaultTerms(), Instant.now(), ends))));
        }
        await(work);
        int all = agencies.size();
        System.out.printf("trials started: %d (+%d warm-up) in %.1f s%n", n, warmUp, seconds(start, Instant.now()));

        Instant cards = Instant.now();
        for (UUID agency : agencies) {
            work.add(pool.submit(() -> {
                String page = commands.<String>send(new StartPaymentMethodSetup(SubscriptionIds.of(agency), agency,
                        "http://127.0.0.1/billing", UUID.randomUUID())).answer();
                HttpResponse<String> saved = HTTP.send(HttpRequest.newBuilder(URI.create(page))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("card=4242424242424242")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (saved.statusCode() != 303) throw new IllegalStateException("hosted page: " + saved.body());
                return null;
            }));
        }
        await(work);
        long expectedWebhooks = 2L * all; // checkout.session.completed and setup_intent.succeeded per card
        while (count(jdbc, "ProviderEventReceived") < expectedWebhooks || count(jdbc, "PaymentMethodSaved") < all) {
            Thread.sleep(1000);
        }
        double[] intake = webhookIntake(jdbc);
        System.out.printf("renewals fall due at %s%n", trialEnd);
        System.out.printf("cards saved: %d in %.1f s; webhooks %d, %.0f/s; duplicates recorded: %d%n", all,
                seconds(cards, Instant.now()), (long) intake[0], intake[1], duplicateEvents(jdbc));
        if (Instant.now().isAfter(warmUpEnd.minusSeconds(5))) {
            throw new IllegalStateException("setup took longer than bench.setup-seconds: raise it");
        }

        // watched through a small command table (each InvoicePaid with a payment adds its reference): counting the
        // event store's rows every few hundred ms would take CPU from what is measured
        while (jdbc.queryForObject("SELECT count(*) FROM command.payment_references", Long.class) < all + warmUp) {
            Thread.sleep(500);
        }
        System.out.printf("warm-up: %d renewals done %.1f s before the instant%n", warmUp,
                seconds(Instant.now(), trialEnd));
        while (jdbc.queryForObject("SELECT count(*) FROM command.payment_references", Long.class) < 2L * all) {
            Thread.sleep(500);
        }
        Instant lastPaid = jdbc.queryForObject("SELECT max(time_stamp)::timestamptz FROM event_store.domain_event_entry "
                + "WHERE payload_type = 'com.webprometrics.events.billing.InvoicePaid'", java.sql.Timestamp.class)
                .toInstant();
        Map<String, Integer> chargesPerInvoice = chargesPerInvoice(standInPort, secret);
        long doubles = chargesPerInvoice.values().stream().filter(c -> c > 1).count();
        System.out.printf("renewed: %d invoices issued and paid %.1f s after the instant they all fell due "
                        + "(%.0f/s); PaymentIntents %d for %d invoices, invoices charged twice: %d%n", n,
                seconds(trialEnd, lastPaid), n / seconds(trialEnd, lastPaid),
                chargesPerInvoice.values().stream().mapToInt(Integer::intValue).sum(), chargesPerInvoice.size(),
                doubles);
        // for ops/bench/billing.sh
        System.out.printf(java.util.Locale.ROOT, "RESULT %d %.0f %d %.1f %.0f %d %d %d %.0f%n", n, intake[1],
                duplicateEvents(jdbc), seconds(trialEnd, lastPaid), n / seconds(trialEnd, lastPaid),
                chargesPerInvoice.values().stream().mapToInt(Integer::intValue).sum(), chargesPerInvoice.size(),
                doubles, postgres);
        pool.shutdown();
    }

    private static long count(JdbcTemplate jdbc, String type) {
        return jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry WHERE payload_type = ?",
                Long.class, "com.webprometrics.events.billing." + type);
    }

    /** {count, per second} of provider events recorded, first to last. */
    private static double[] webhookIntake(JdbcTemplate jdbc) {
        return jdbc.queryForObject("""
                SELECT count(*), extract(epoch FROM max(time_stamp::timestamptz) - min(time_stamp::timestamptz))
                FROM event_store.domain_event_entry
                WHERE payload_type = 'com.webprometrics.events.billing.ProviderEventReceived'""",
                (rs, i) -> new double[]{rs.getLong(1), rs.getLong(1) / Math.max(0.001, rs.getDouble(2))});
    }

    private static long duplicateEvents(JdbcTemplate jdbc) {
        return jdbc.queryForObject("""
                SELECT count(*) FROM (SELECT convert_from(payload, 'UTF8')::jsonb ->> 'providerEventId' AS id
                FROM event_store.domain_event_entry
                WHERE payload_type = 'com.webprometrics.events.billing.ProviderEventReceived'
                GROUP BY 1 HAVING count(*) > 1) d""", Long.class);
    }

    /** Successful PaymentIntents per invoice, read back from the provider (its list endpoint). */
    private static Map<String, Integer> chargesPerInvoice(int standInPort, String secret) throws Exception {
        Map<String, Integer> perInvoice = new HashMap<>();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String after = null;
        while (true) {
            String query = "limit=100" + (after == null ? "" : "&starting_after=" + after);
            HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + standInPort
                    + "/v1/payment_intents?" + query)).header("Authorization", "Bearer " + secret).build(),
                    HttpResponse.BodyHandlers.ofString());
            com.fasterxml.jackson.databind.JsonNode list = json.readTree(page.body());
            for (com.fasterxml.jackson.databind.JsonNode intent : list.path("data")) {
                if ("succeeded".equals(intent.path("status").asText())) {
                    perInvoice.merge(intent.path("metadata").path("invoiceId").asText(), 1, Integer::sum);
                }
                after = intent.path("id").asText();
            }
            if (!list.path("has_more").asBoolean()) {
                return perInvoice;
            }
        }
    }

    /** Single-row INSERT transactions per second with as many writers: what PostgreSQL alone commits here. */
    private static double postgresCommitsPerSecond(String url, int threads) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_commits (id BIGSERIAL PRIMARY KEY, payload TEXT)");
        }
        int each = 2000;
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> writers = new ArrayList<>();
        Instant start = Instant.now();
        for (int t = 0; t < threads; t++) {
            writers.add(pool.submit(() -> {
                try (Connection c = DriverManager.getConnection(url)) {
                    var insert = c.prepareStatement("INSERT INTO bench_commits (payload) VALUES (?)");
                    for (int i = 0; i < each; i++) {
                        insert.setString(1, "a subscription renewal's worth of bytes " + i);
                        insert.executeUpdate();
                        done.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        await(writers);
        pool.shutdown();
        double rate = done.get() / seconds(start, Instant.now());
        System.out.printf("PostgreSQL alone: %.0f single-row commits/s with %d writers%n", rate, threads);
        return rate;
    }

    private static void await(List<Future<?>> work) throws Exception {
        for (Future<?> f : work) {
            f.get();
        }
        work.clear();
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
