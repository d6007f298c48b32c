package com.webprometrics.command.billing;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.webprometrics.command.billing.SubscriptionCommands.RunBillingStep;
import com.webprometrics.events.billing.BillingStepScheduled;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.UUID;

/**
 * One per subscription, for as long as it exists: keeps one persistent deadline (db-scheduler, in PostgreSQL) at the
 * wall-clock instant of the subscription's next billing step, and when it fires asks the subscription to run what is
 * due. Several command-side instances fire each deadline once; a deadline that finds nothing due (the step already
 * ran through a test clock) changes nothing.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class RenewalProcess {
    static final String DEADLINE = "billing-step";

    private UUID subscriptionId;
    private String deadlineId;

    @Autowired
    private transient DeadlineManager deadlines;
    @Autowired
    private transient CommandGateway commands;

    /** The payload of the deadline. */
    public record StepDue(UUID subscriptionId, Instant dueAt) {
    }

    @StartSaga
    @SagaEventHandler(associationProperty = "subscriptionId")
    void on(BillingStepScheduled event) {
        this.subscriptionId = event.subscriptionId();
        if (deadlineId != null) {
            deadlines.cancelSchedule(DEADLINE, deadlineId);
            deadlineId = null;
        }
        if (event.runAt() != null) {
            deadlineId = deadlines.schedule(event.runAt(), DEADLINE, new StepDue(subscriptionId, event.dueAt()));
        }
    }

    /** The step runs in this deadline's transaction: a failure (the provider unreachable) retries the deadline. */
    @DeadlineHandler(deadlineName = DEADLINE)
    void on(StepDue due) {
        deadlineId = null;
        commands.sendAndWait(new RunBillingStep(due.subscriptionId(), due.dueAt()));
    }
}
