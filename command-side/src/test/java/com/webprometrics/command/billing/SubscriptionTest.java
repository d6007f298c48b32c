package com.webprometrics.command.billing;

import com.webprometrics.command.billing.SubscriptionCommands.ChangeBillingDetails;
import com.webprometrics.command.billing.SubscriptionCommands.ChangePlan;
import com.webprometrics.command.billing.SubscriptionCommands.PayInvoice;
import com.webprometrics.command.billing.SubscriptionCommands.RunBillingStep;
import com.webprometrics.command.clients.ClientQuota;
import com.webprometrics.command.clients.ClientRejection;
import com.webprometrics.command.team.SeatQuota;
import com.webprometrics.events.billing.BillingDetailsChanged;
import com.webprometrics.events.billing.BillingStepScheduled;
import com.webprometrics.events.billing.InvoiceIssued;
import com.webprometrics.events.billing.InvoiceLine;
import com.webprometrics.events.billing.InvoicePaid;
import com.webprometrics.events.billing.InvoicePaymentFailed;
import com.webprometrics.events.billing.PaymentCustomerCreated;
import com.webprometrics.events.billing.PaymentMethodSaved;
import com.webprometrics.events.billing.PeriodStarted;
import com.webprometrics.events.billing.PlanChangeScheduled;
import com.webprometrics.events.billing.PlanChanged;
import com.webprometrics.events.billing.SubscriptionCanceled;
import com.webprometrics.events.billing.SubscriptionReactivated;
import com.webprometrics.events.billing.SubscriptionSuspended;
import com.webprometrics.events.billing.TrialEnded;
import com.webprometrics.events.billing.TrialStarted;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.webprometrics.command.support.Rejected.rejected;
import static org.assertj.core.api.Assertions.assertThat;

/** The subscription's decisions and the billing cycle's steps, with the provider's answers and the series faked. */
class SubscriptionTest {
    private static final UUID AGENCY = UUID.randomUUID();
    private static final UUID SUBSCRIPTION = SubscriptionIds.of(AGENCY);
    private static final Instant STARTED = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant TRIAL_ENDS = Instant.parse("2026-12-15T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final BillingProperties.Plan STARTER = new BillingProperties.Plan("Starter", 2900, 29000L, "EUR", 10, 5);
    private static final BillingProperties.Plan GROWTH = new BillingProperties.Plan("Growth", 7900, 79000L, "EUR", 40, 15);
    private static final BillingProperties BILLING = new BillingProperties("starter", Duration.ofDays(14),
            Map.of("starter", STARTER, "growth", GROWTH));
    private static final DunningProperties DUNNING = new DunningProperties(List.of(Duration.ofDays(1),
            Duration.ofDays(3), Duration.ofDays(5), Duration.ofDays(7)), Duration.ofDays(14));

    private final TrialStarted trial = new TrialStarted(SUBSCRIPTION, AGENCY, "starter", 10, 5, 2900, "EUR", STARTED,
            TRIAL_ENDS);
    private final Object customer = new PaymentCustomerCreated(SUBSCRIPTION, AGENCY, "cus_1");
    private final Object card = new PaymentMethodSaved(SUBSCRIPTION, AGENCY, "pm_1", "visa", "4242", 12, 2030);
    private final MutableClock clock = new MutableClock(NOW);
    private final List<Boolean> chargeAnswers = new ArrayList<>();
    private final List<String> idempotencyKeys = new ArrayList<>();
    private boolean fits = true;
    private long lastNumber;
    private AggregateTestFixture<Subscription> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Subscription.class);
        InvoicingProperties invoicing = new InvoicingProperties("WPM", new InvoicingProperties.Issuer("WPM GmbH",
                List.of("Street 1"), "10115", "Berlin", "DE", "DE000000000", "billing@wpm.test"), euRates());
        InvoiceSeriesTable series = new InvoiceSeriesTable(null) {
            @Override
            long next(String name) {
                return ++lastNumber;
            }
        };
        Charges charges = new Charges(null, null) {
            @Override
            Outcome charge(Subscription subscription, UUID invoiceId, long totalCents, int attempt) {
                if (subscription.paymentMethodId() == null) {
                    return new Outcome(false, null, "no_payment_method", "No card is saved for this subscription.");
                }
                idempotencyKeys.add(invoiceId + "/" + attempt);
                boolean paid = chargeAnswers.isEmpty() || chargeAnswers.remove(0);
                return paid ? new Outcome(true, "pi_" + idempotencyKeys.size(), null, null)
                        : new Outcome(false, null, "card_declined", "Your card was declined.");
            }
        };
        BillingNotices notices = new BillingNotices(null, null, "http://wpm.test") {
            @Override
            void paymentFailed(Subscription s, UUID invoice, String reason) {
            }

            @Override
            void suspended(Subscription s) {
            }

            @Override
            void canceled(Subscription s, String reason) {
            }

            @Override
            void reactivated(Subscription s) {
            }
        };
        ClientQuota clients = new ClientQuota() {
            @Override
            public void requireRoom(UUID agencyId) {
            }

            @Override
            public boolean fits(UUID agencyId, int limit) {
                return fits;
            }
        };
        SeatQuota seats = new SeatQuota() {
            @Override
            public void requireRoom(UUID agencyId) {
            }

            @Override
            public boolean fits(UUID agencyId, int limit) {
                return true;
            }
        };
        fixture.registerAnnotatedCommandHandler(new BillingCycle(fixture.getRepository(),
                new Invoicing(invoicing, series), charges, BILLING, DUNNING, clients, seats, notices, clock));
    }

    @Test
    void aTrialsPlanChangesAtOnceAndForNothing() {
        fixture.given(trial, scheduled("trial-end", TRIAL_ENDS))
                .when(new ChangePlan(SUBSCRIPTION, AGENCY, "growth", GROWTH, UUID.randomUUID()))
                .expectEvents(new PlanChanged(SUBSCRIPTION, AGENCY, "starter", "growth", 40, 15, 7900, "EUR", NOW));
    }

    @Test
    void changingToThePlanItIsOnIsRefused() {
        fixture.given(trial, new PlanChanged(SUBSCRIPTION, AGENCY, "starter", "growth", 40, 15, 7900, "EUR", NOW))
                .when(new ChangePlan(SUBSCRIPTION, AGENCY, "growth", GROWTH, UUID.randomUUID()))
                .expectException(rejected(SubscriptionRejection.SAME_PLAN))
                .expectNoEvents();
    }

    @Test
    void anotherAgencysSubscriptionIsNotFound() {
        fixture.given(trial)
                .when(new ChangePlan(SUBSCRIPTION, UUID.randomUUID(), "growth", GROWTH, UUID.randomUUID()))
                .expectException(rejected(SubscriptionRejection.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void billingDetailsAreRecordedAndSavingThemUnchangedAppendsNothing() {
        BillingDetails details = new BillingDetails("Acme Marketing GmbH", List.of("Hauptstraße 1"), "10115", "Berlin",
                "DE", "DE123456789", "billing@acme.test");
        BillingDetailsChanged changed = new BillingDetailsChanged(SUBSCRIPTION, AGENCY, "Acme Marketing GmbH",
                List.of("Hauptstraße 1"), "10115", "Berlin", "DE", "DE123456789", "billing@acme.test");
        fixture.given(trial)
                .when(new ChangeBillingDetails(SUBSCRIPTION, AGENCY, details))
                .expectEvents(changed);
        fixture.given(trial, changed)
                .when(new ChangeBillingDetails(SUBSCRIPTION, AGENCY, details))
                .expectNoEvents();
    }

    @Test
    void beforeTheTrialEndsNothingIsDue() {
        clock.set(TRIAL_ENDS.minusSeconds(1));
        fixture.given(trial, scheduled("trial-end", TRIAL_ENDS))
                .when(new RunBillingStep(SUBSCRIPTION))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void aDeadlineRunsItsStepOnAnInstanceWhoseClockLagsTheScheduler() {
        clock.set(TRIAL_ENDS.minusSeconds(2));
        List<Object> events = new ArrayList<>();
        fixture.given(trial, scheduled("trial-end", TRIAL_ENDS))
                .when(new RunBillingStep(SUBSCRIPTION, TRIAL_ENDS))
                .expectResultMessagePayload(true)
                .expectEventsMatching(capture(events));
        assertThat(events.get(0)).isEqualTo(new TrialEnded(SUBSCRIPTION, AGENCY, false, TRIAL_ENDS));
    }

    @Test
    void aTrialEndingWithACardStartsAPaidPeriodInvoicedAndPaidAtOnce() {
        clock.set(TRIAL_ENDS.plusSeconds(5));
        List<Object> events = run(trial, customer, card, scheduled("trial-end", TRIAL_ENDS));
        Instant periodEnd = Instant.parse("2027-01-15T09:00:00Z");
        assertThat(types(events)).containsExactly(TrialEnded.class, PeriodStarted.class, InvoiceIssued.class,
                InvoicePaid.class, BillingStepScheduled.class);
        assertThat(events.get(1)).isEqualTo(new PeriodStarted(SUBSCRIPTION, AGENCY, "starter", TRIAL_ENDS, periodEnd));
        InvoiceIssued invoice = (InvoiceIssued) events.get(2);
        assertThat(invoice.number()).isEqualTo("WPM-000001");
        assertThat(invoice.kind()).isEqualTo("first");
        assertThat(invoice.subtotalCents()).isEqualTo(2900);
        assertThat(invoice.taxCents()).isEqualTo(551); // 19 % of 29.00, the buyer taxed as one in the issuer's country
        assertThat(invoice.totalCents()).isEqualTo(3451);
        assertThat(events.get(4)).isEqualTo(new BillingStepScheduled(SUBSCRIPTION, AGENCY, "renewal", periodEnd,
                periodEnd));
    }

    @Test
    void aTrialEndingWithoutACardInvoicesGoesPastDueAndRetriesOnTheSchedule() {
        clock.set(TRIAL_ENDS);
        List<Object> events = run(trial, scheduled("trial-end", TRIAL_ENDS));
        InvoicePaymentFailed failed = (InvoicePaymentFailed) events.get(3);
        assertThat(failed.failureCode()).isEqualTo("no_payment_method");
        assertThat(failed.nextRetryAt()).isEqualTo(TRIAL_ENDS.plus(Duration.ofDays(1)));
        assertThat(events.get(4)).isEqualTo(new BillingStepScheduled(SUBSCRIPTION, AGENCY, "retry",
                TRIAL_ENDS.plus(Duration.ofDays(1)), TRIAL_ENDS.plus(Duration.ofDays(1))));
    }

    @Test
    void everyDunningStepRunsInOrderThenSuspensionThenCancellationAfterTheGrace() {
        List<Object> history = new ArrayList<>(List.of(trial, customer, card, scheduled("trial-end", TRIAL_ENDS)));
        clock.set(TRIAL_ENDS);
        chargeAnswers.add(false);
        history.addAll(run(history.toArray()));
        for (int days : new int[]{1, 3, 5}) {
            clock.set(TRIAL_ENDS.plus(Duration.ofDays(days)));
            chargeAnswers.add(false);
            List<Object> retry = run(history.toArray());
            InvoicePaymentFailed failed = (InvoicePaymentFailed) retry.get(0);
            assertThat(failed.failedAt()).isEqualTo(TRIAL_ENDS.plus(Duration.ofDays(days)));
            assertThat(failed.nextRetryAt()).isEqualTo(TRIAL_ENDS.plus(Duration.ofDays(days == 1 ? 3 : days + 2)));
            history.addAll(retry);
        }
        clock.set(TRIAL_ENDS.plus(Duration.ofDays(7)));
        chargeAnswers.add(false);
        List<Object> last = run(history.toArray());
        assertThat(types(last)).containsExactly(InvoicePaymentFailed.class, SubscriptionSuspended.class,
                BillingStepScheduled.class);
        assertThat(((SubscriptionSuspended) last.get(1)).cancelsAt()).isEqualTo(TRIAL_ENDS.plus(Duration.ofDays(21)));
        history.addAll(last);
        assertThat(idempotencyKeys).hasSize(5).doesNotHaveDuplicates(); // one key per attempt: a retry never charges twice

        clock.set(TRIAL_ENDS.plus(Duration.ofDays(21)));
        List<Object> end = run(history.toArray());
        assertThat(end.get(0)).isEqualTo(new SubscriptionCanceled(SUBSCRIPTION, AGENCY, "unpaid",
                TRIAL_ENDS.plus(Duration.ofDays(21))));
    }

    @Test
    void payingTheOpenInvoiceWhileSuspendedReactivates() {
        List<Object> history = new ArrayList<>(List.of(trial, customer, card, scheduled("trial-end", TRIAL_ENDS)));
        clock.set(TRIAL_ENDS);
        chargeAnswers.add(false);
        history.addAll(run(history.toArray()));
        UUID invoice = history.stream().filter(InvoiceIssued.class::isInstance).map(e -> ((InvoiceIssued) e).invoiceId())
                .findFirst().orElseThrow();
        history.add(new SubscriptionSuspended(SUBSCRIPTION, AGENCY, invoice, TRIAL_ENDS.plus(Duration.ofDays(7)),
                TRIAL_ENDS.plus(Duration.ofDays(21))));
        clock.set(TRIAL_ENDS.plus(Duration.ofDays(8)));
        List<Object> paid = new ArrayList<>();
        fixture.given(history.toArray()).when(new PayInvoice(SUBSCRIPTION, AGENCY, invoice))
                .expectEventsMatching(capture(paid));
        assertThat(types(paid)).containsExactly(InvoicePaid.class, SubscriptionReactivated.class,
                BillingStepScheduled.class);
    }

    @Test
    void aTrialEndedEarlyStartsItsPaidPeriodNowAndADeclineChangesNothing() {
        clock.set(NOW);
        List<Object> events = new ArrayList<>();
        fixture.given(trial, customer, card, scheduled("trial-end", TRIAL_ENDS))
                .when(new SubscriptionCommands.EndTrialNow(SUBSCRIPTION, AGENCY))
                .expectEventsMatching(capture(events));
        assertThat(types(events)).containsExactly(TrialEnded.class, PeriodStarted.class, InvoiceIssued.class,
                InvoicePaid.class, BillingStepScheduled.class);
        assertThat(((PeriodStarted) events.get(1)).periodStart()).isEqualTo(NOW);

        chargeAnswers.add(false);
        fixture.given(trial, customer, card, scheduled("trial-end", TRIAL_ENDS))
                .when(new SubscriptionCommands.EndTrialNow(SUBSCRIPTION, AGENCY))
                .expectException(com.webprometrics.platform.web.ProblemException.class)
                .expectNoEvents();
        fixture.given(trial, scheduled("trial-end", TRIAL_ENDS))
                .when(new SubscriptionCommands.EndTrialNow(SUBSCRIPTION, AGENCY))
                .expectException(rejected(SubscriptionRejection.NO_CARD))
                .expectNoEvents();
    }

    @Test
    void anUpgradeHalfwayThroughAPaidPeriodIsProratedToTheSecondAndCharged() {
        Instant start = Instant.parse("2027-01-01T00:00:00Z");
        Instant end = Instant.parse("2027-01-31T00:00:00Z"); // a 30-day period makes halves exact
        clock.set(Instant.parse("2027-01-16T00:00:00Z"));
        List<Object> events = new ArrayList<>();
        fixture.given(trial, customer, card, new PeriodStarted(SUBSCRIPTION, AGENCY, "starter", start, end))
                .when(new ChangePlan(SUBSCRIPTION, AGENCY, "growth", GROWTH, UUID.randomUUID()))
                .expectEventsMatching(capture(events));
        assertThat(types(events)).containsExactly(PlanChanged.class, InvoiceIssued.class, InvoicePaid.class,
                BillingStepScheduled.class);
        InvoiceIssued invoice = (InvoiceIssued) events.get(1);
        assertThat(invoice.kind()).isEqualTo("upgrade");
        assertThat(invoice.lines()).containsExactly(new InvoiceLine("Unused time on Starter", -1450),
                new InvoiceLine("Remaining time on Growth", 3950));
        assertThat(invoice.subtotalCents()).isEqualTo(2500);
        assertThat(invoice.totalCents()).isEqualTo(2500 + 475);
    }

    @Test
    void aDowngradeWaitsForThePeriodsEndAndTheRenewalInvoicesTheNewPlan() {
        Instant start = Instant.parse("2027-01-01T00:00:00Z");
        Instant end = Instant.parse("2027-02-01T00:00:00Z");
        PlanChanged onGrowth = new PlanChanged(SUBSCRIPTION, AGENCY, "starter", "growth", 40, 15, 7900, "EUR", STARTED);
        PeriodStarted period = new PeriodStarted(SUBSCRIPTION, AGENCY, "growth", start, end);
        clock.set(Instant.parse("2027-01-10T00:00:00Z"));
        fixture.given(trial, customer, card, onGrowth, period, scheduled("renewal", end))
                .when(new ChangePlan(SUBSCRIPTION, AGENCY, "starter", STARTER, UUID.randomUUID()))
                .expectEvents(new PlanChangeScheduled(SUBSCRIPTION, AGENCY, "growth", "starter", end));

        clock.set(end);
        List<Object> renewal = run(trial, customer, card, onGrowth, period, scheduled("renewal", end),
                new PlanChangeScheduled(SUBSCRIPTION, AGENCY, "growth", "starter", end));
        assertThat(renewal.get(0)).isEqualTo(new PlanChanged(SUBSCRIPTION, AGENCY, "growth", "starter", 10, 5, 2900,
                "EUR", end));
        assertThat(((InvoiceIssued) renewal.get(2)).subtotalCents()).isEqualTo(2900);
    }

    @Test
    void aDowngradeTheAgencyHasOutgrownIsRefused() {
        fits = false;
        PlanChanged onGrowth = new PlanChanged(SUBSCRIPTION, AGENCY, "starter", "growth", 40, 15, 7900, "EUR", STARTED);
        fixture.given(trial, onGrowth, new PeriodStarted(SUBSCRIPTION, AGENCY, "growth", TRIAL_ENDS,
                        TRIAL_ENDS.plus(Duration.ofDays(31))))
                .when(new ChangePlan(SUBSCRIPTION, AGENCY, "starter", STARTER, UUID.randomUUID()))
                .expectException(rejected(ClientRejection.TOO_MANY_FOR_PLAN))
                .expectNoEvents();
    }

    static Map<String, Integer> euRates() {
        Map<String, Integer> rates = new java.util.HashMap<>();
        Tax.EU.forEach(country -> rates.put(country, 2000));
        rates.put("DE", 1900);
        return rates;
    }

    private BillingStepScheduled scheduled(String step, Instant at) {
        return new BillingStepScheduled(SUBSCRIPTION, AGENCY, step, at, at);
    }

    private List<Object> run(Object... given) {
        List<Object> events = new ArrayList<>();
        fixture.given(given).when(new RunBillingStep(SUBSCRIPTION)).expectResultMessagePayload(true)
                .expectEventsMatching(capture(events));
        return events;
    }

    private static List<Class<?>> types(List<Object> events) {
        return events.stream().<Class<?>>map(Object::getClass).toList();
    }

    private static CustomMatcher<List<EventMessage<?>>> capture(List<Object> into) {
        return new CustomMatcher<>("any events (captured)") {
            @Override
            public boolean matches(Object item) {
                into.clear();
                ((List<?>) item).forEach(m -> into.add(((EventMessage<?>) m).getPayload()));
                return true;
            }
        };
    }

    /** The wall clock, moved by the test. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            this.now = instant;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
