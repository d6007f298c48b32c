package com.webprometrics.command.billing;

import com.webprometrics.command.billing.SubscriptionCommands.ChangeBillingDetails;
import com.webprometrics.command.billing.SubscriptionCommands.ChangePlan;
import com.webprometrics.command.infra.Commands;
import com.webprometrics.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/** The agency's subscription (OWNER and ADMIN, by the role matrix); reads are the query side's. */
@RestController
@RequestMapping("/api/subscriptions")
class SubscriptionController {
    private final Commands commands;
    private final BillingProperties billing;
    private final Clock clock;

    SubscriptionController(Commands commands, BillingProperties billing, Clock clock) {
        this.commands = commands;
        this.billing = billing;
        this.clock = clock;
    }

    record PlanRequest(@NotBlank @Size(max = 40) String plan) {
    }

    record Position(long position) {
    }

    @PostMapping("/change-plan")
    Position changePlan(@Valid @RequestBody PlanRequest request, CurrentUser user) {
        BillingProperties.Plan terms = billing.plans().get(request.plan());
        if (terms == null) {
            throw SubscriptionRejection.UNKNOWN_PLAN.get();
        }
        return new Position(commands.position(new ChangePlan(SubscriptionIds.of(user.agencyId()), user.agencyId(),
                request.plan(), terms, clock.instant())));
    }

    @PutMapping("/billing-details")
    Position changeBillingDetails(@Valid @RequestBody BillingDetailsRequest request, CurrentUser user) {
        return new Position(commands.position(new ChangeBillingDetails(SubscriptionIds.of(user.agencyId()),
                user.agencyId(), request.toDetails())));
    }
}
