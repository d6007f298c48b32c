package com.webprometrics.command.billing;

import com.webprometrics.command.billing.SubscriptionCommands.ChangeBillingDetails;
import com.webprometrics.command.billing.SubscriptionCommands.ChangePlan;
import com.webprometrics.events.billing.BillingDetailsChanged;
import com.webprometrics.events.billing.PlanChanged;
import com.webprometrics.events.billing.TrialStarted;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.webprometrics.command.support.Rejected.rejected;

class SubscriptionTest {
    private static final UUID AGENCY = UUID.randomUUID();
    private static final UUID SUBSCRIPTION = SubscriptionIds.of(AGENCY);
    private static final Instant STARTED = Instant.parse("2026-12-01T09:00:00Z");
    private static final Instant TRIAL_ENDS = Instant.parse("2026-12-15T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final BillingProperties.Plan GROWTH = new BillingProperties.Plan("Growth", 7900, 79000L, "EUR", 40, 15);

    private final TrialStarted trial = new TrialStarted(SUBSCRIPTION, AGENCY, "starter", 10, 5, 2900, "EUR", STARTED,
            TRIAL_ENDS);
    private AggregateTestFixture<Subscription> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Subscription.class);
    }

    @Test
    void aTrialsPlanChangesAtOnceOnTheNewPlansTerms() {
        fixture.given(trial)
                .when(new ChangePlan(SUBSCRIPTION, AGENCY, "growth", GROWTH, NOW))
                .expectEvents(new PlanChanged(SUBSCRIPTION, AGENCY, "starter", "growth", 40, 15, 7900, "EUR", NOW));
    }

    @Test
    void changingToThePlanItIsOnIsRefused() {
        fixture.given(trial, new PlanChanged(SUBSCRIPTION, AGENCY, "starter", "growth", 40, 15, 7900, "EUR", NOW))
                .when(new ChangePlan(SUBSCRIPTION, AGENCY, "growth", GROWTH, NOW.plusSeconds(60)))
                .expectException(rejected(SubscriptionRejection.SAME_PLAN))
                .expectNoEvents();
    }

    @Test
    void anotherAgencysSubscriptionIsNotFound() {
        fixture.given(trial)
                .when(new ChangePlan(SUBSCRIPTION, UUID.randomUUID(), "growth", GROWTH, NOW))
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
}
