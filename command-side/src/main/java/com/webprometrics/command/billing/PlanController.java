package com.webprometrics.command.billing;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The plans on offer, as configured ({@code wpm.billing.plans}); the command side owns that configuration. */
@RestController
class PlanController {
    private final BillingProperties billing;

    PlanController(BillingProperties billing) {
        this.billing = billing;
    }

    record PlanView(String key, String name, long monthlyPriceCents, Long yearlyPriceCents, String currency,
                    int clientLimit, int seatLimit, boolean trialPlan) {
    }

    @GetMapping("/api/subscriptions/plans")
    List<PlanView> plans() {
        return billing.plans().entrySet().stream()
                .map(e -> new PlanView(e.getKey(), e.getValue().name(), e.getValue().monthlyPriceCents(),
                        e.getValue().yearlyPriceCents(), e.getValue().currency(), e.getValue().clientLimit(),
                        e.getValue().seatLimit(), e.getKey().equals(billing.defaultPlan())))
                .toList();
    }
}
