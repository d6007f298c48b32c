package com.webprometrics.command.billing;

import com.webprometrics.command.billing.SubscriptionCommands.AdvanceBillingClock;
import com.webprometrics.command.billing.SubscriptionCommands.RunBillingStep;
import com.webprometrics.command.infra.Commands;
import com.webprometrics.platform.web.AcrossTenants;
import com.webprometrics.platform.web.ProblemException;
import com.webprometrics.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * Test clocks (OPS, by the role matrix; only where {@code wpm.billing.test-clocks} is on — in production the endpoint
 * does not exist): moves one agency's billing clock forward, then runs every step due by then, in order, each once,
 * before it answers with the position reached.
 */
@RestController
@AcrossTenants
@ConditionalOnProperty(name = "wpm.billing.test-clocks", havingValue = "true")
class BillingClockController {
    /** More steps than any advance can bring (a year of renewals with every retry) means a loop: stop. */
    private static final int MAX_STEPS = 200;
    private static final Duration MAX_ADVANCE = Duration.ofDays(3650);

    private final Commands commands;

    BillingClockController(Commands commands) {
        this.commands = commands;
    }

    record ClockRequest(@NotNull UUID agencyId, @NotBlank String advanceBy) {
    }

    record Advanced(UUID agencyId, Instant now, long position, int stepsRun) {
    }

    @PostMapping("/api/ops/billing/clock")
    Advanced advance(@Valid @RequestBody ClockRequest request) {
        Duration by = duration(request.advanceBy());
        UUID subscription = SubscriptionIds.of(request.agencyId());
        Commands.Sent<Instant> moved = commands.send(new AdvanceBillingClock(subscription, by));
        long position = moved.position();
        int steps = 0;
        while (steps < MAX_STEPS) {
            Commands.Sent<Boolean> step = commands.send(new RunBillingStep(subscription));
            position = Math.max(position, step.position());
            if (!Boolean.TRUE.equals(step.answer())) {
                break;
            }
            steps++;
        }
        return new Advanced(request.agencyId(), moved.answer(), position, steps);
    }

    private static Duration duration(String text) {
        try {
            Duration by = Duration.parse(text);
            if (!by.isNegative() && by.compareTo(MAX_ADVANCE) <= 0) {
                return by;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw ProblemException.invalidFields(List.of(Problems.fieldError("advanceBy",
                "an ISO-8601 duration forward, at most P3650D (e.g. P15D, PT12H)")));
    }
}
