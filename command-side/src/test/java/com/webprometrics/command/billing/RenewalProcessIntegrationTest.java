package com.webprometrics.command.billing;

import com.icegreen.greenmail.util.GreenMail;
import com.webprometrics.command.auth.AuthService;
import com.webprometrics.command.billing.SubscriptionCommands.AdvanceBillingClock;
import com.webprometrics.command.billing.SubscriptionCommands.RunBillingStep;
import com.webprometrics.command.infra.Commands;
import com.webprometrics.command.support.LocalSmtp;
import com.webprometrics.command.support.PostgresDatabase;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The renewal process against PostgreSQL: its deadline is a db-scheduler row, it fires by itself when the step falls
 * due and runs it (e-mailing the owner through a real SMTP server); invoice numbers stay gapless under concurrent
 * finalisations.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"db-scheduler.polling-interval=1s", "wpm.integrations.schedule-check=1h"})
class RenewalProcessIntegrationTest {
    private static final String PASSWORD = "a long enough passphrase";
    private static final GreenMail MAIL = LocalSmtp.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry, "wpm_renewal_test");
        LocalSmtp.register(registry, MAIL);
        registry.add("wpm.reports.smtp.from", () -> "billing@agency.test");
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    @Autowired
    AuthService auth;
    @Autowired
    Commands commands;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDeadlineFiresByItselfWhenTheTrialEndsAndTheOwnerIsToldThePaymentFailed() throws Exception {
        String owner = "renewal-" + UUID.randomUUID() + "@agency.test";
        AuthService.Tokens signedUp = auth.signUp("Deadline Agency", "Dee", owner, PASSWORD, ZoneId.of("UTC"));
        UUID subscription = SubscriptionIds.of(signedUp.agencyId());
        waitFor(() -> deadlines(subscription) == 1, "the renewal process schedules the trial's end");

        // the trial now ends 3 s from now on the wall clock; nothing but the deadline runs it
        commands.send(new AdvanceBillingClock(subscription, Duration.ofDays(14).minusSeconds(3)));
        waitFor(() -> count(subscription, "InvoicePaymentFailed") == 1, "the trial's end ran by its deadline");
        assertThat(count(subscription, "TrialEnded")).isEqualTo(1);
        assertThat(count(subscription, "InvoiceIssued")).isEqualTo(1);

        waitFor(() -> Arrays.stream(MAIL.getReceivedMessages()).anyMatch(m -> to(m).contains(owner)),
                "the owner is e-mailed");
        MimeMessage mail = Arrays.stream(MAIL.getReceivedMessages()).filter(m -> to(m).contains(owner)).findFirst()
                .orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("Your WebProMetrics payment failed");
        assertThat((String) mail.getContent()).contains("No card is saved", "We will try again on");
        waitFor(() -> deadlines(subscription) == 1, "the first retry is scheduled");
    }

    @Test
    void fiftyConcurrentFinalisationsTakeConsecutiveNumbers() throws Exception {
        List<UUID> subscriptions = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            AuthService.Tokens signedUp = auth.signUp("Series Agency " + i, "Sue",
                    "series-" + UUID.randomUUID() + "@agency.test", PASSWORD, ZoneId.of("UTC"));
            UUID subscription = SubscriptionIds.of(signedUp.agencyId());
            commands.send(new AdvanceBillingClock(subscription, Duration.ofDays(15)));
            subscriptions.add(subscription);
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (UUID subscription : subscriptions) {
                runs.add(pool.submit(() -> commands.<Boolean>send(new RunBillingStep(subscription)).answer()));
            }
            for (Future<Boolean> run : runs) {
                run.get(); // false when the subscription's own deadline ran the step first: it races too
            }
        } finally {
            pool.shutdown();
        }
        for (UUID subscription : subscriptions) {
            waitFor(() -> count(subscription, "InvoiceIssued") == 1, "each trial's end is invoiced once");
        }
        List<Long> numbers = jdbc.queryForList("""
                SELECT (convert_from(payload, 'UTF8')::jsonb ->> 'sequence')::bigint FROM event_store.domain_event_entry
                WHERE payload_type = 'com.webprometrics.events.billing.InvoiceIssued' ORDER BY global_index""",
                Long.class);
        assertThat(numbers).hasSizeGreaterThanOrEqualTo(50)
                .as("one series, gapless, in the order the invoices were stored")
                .containsExactlyElementsOf(LongStream.rangeClosed(1, numbers.size()).boxed().toList());
        assertThat(jdbc.queryForObject("SELECT last_number FROM command.invoice_series WHERE series = 'WPM'",
                Long.class)).isEqualTo(numbers.size());
    }

    private int deadlines(UUID subscription) {
        // a deadline's data names its scope (the saga) rather than the subscription: count the saga's
        return jdbc.queryForObject("""
                SELECT count(*) FROM command.scheduled_tasks t WHERE t.task_name = 'AxonDeadline'
                AND position(convert_to(s.saga_id, 'UTF8') in t.task_data) > 0""".replace("t WHERE",
                        "t, command.association_value_entry s WHERE s.association_value = '" + subscription + "' AND"),
                Integer.class);
    }

    private int count(UUID aggregate, String type) {
        return jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type = ?", Integer.class, aggregate.toString(), "com.webprometrics.events.billing." + type);
    }

    private static String to(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
