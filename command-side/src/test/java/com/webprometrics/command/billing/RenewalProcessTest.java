package com.webprometrics.command.billing;

import com.webprometrics.command.billing.SubscriptionCommands.RunBillingStep;
import com.webprometrics.events.billing.BillingStepScheduled;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** The renewal process keeps exactly one deadline at the subscription's next step and runs the step when it fires. */
class RenewalProcessTest {
    private static final UUID AGENCY = UUID.randomUUID();
    private static final UUID SUBSCRIPTION = SubscriptionIds.of(AGENCY);

    private SagaTestFixture<RenewalProcess> fixture;
    private Instant now;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(RenewalProcess.class);
        now = fixture.currentTime().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private BillingStepScheduled scheduled(String step, Instant runAt) {
        return new BillingStepScheduled(SUBSCRIPTION, AGENCY, step, runAt, runAt);
    }

    @Test
    void aScheduledStepSetsADeadlineAtItsWallClockInstant() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(scheduled("trial-end", now.plus(Duration.ofDays(14))))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(now.plus(Duration.ofDays(14)), RenewalProcess.DEADLINE)
                .expectNoDispatchedCommands();
    }

    @Test
    void aNewScheduleReplacesTheDeadlineRatherThanAddingOne() {
        fixture.givenAPublished(scheduled("trial-end", now.plus(Duration.ofDays(14))))
                .whenPublishingA(scheduled("trial-end", now.plus(Duration.ofHours(1))))
                .expectScheduledDeadlineWithName(now.plus(Duration.ofHours(1)), RenewalProcess.DEADLINE)
                .expectNoScheduledDeadlineMatching(now.plus(Duration.ofDays(14)), org.hamcrest.Matchers.anything());
    }

    @Test
    void nothingDueMeansNoDeadline() {
        fixture.givenAPublished(scheduled("trial-end", now.plus(Duration.ofDays(14))))
                .whenPublishingA(scheduled("none", null))
                .expectNoScheduledDeadlines();
    }

    @Test
    void theDeadlineRunsTheStepWhenItFires() {
        fixture.givenAPublished(scheduled("renewal", now.plus(Duration.ofDays(30))))
                .whenTimeElapses(Duration.ofDays(30))
                .expectTriggeredDeadlines(new RenewalProcess.StepDue(SUBSCRIPTION, now.plus(Duration.ofDays(30))))
                .expectDispatchedCommands(new RunBillingStep(SUBSCRIPTION, now.plus(Duration.ofDays(30))));
    }
}
