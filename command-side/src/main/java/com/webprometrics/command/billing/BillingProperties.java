package com.webprometrics.command.billing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code wpm.billing.*}: the plans on offer (prices in the currency's minor units), the plan a new agency's trial runs
 * on and how long the trial lasts. Plans are configuration; what an agency agreed to is in its events, so a price
 * change never rewrites history.
 */
@ConfigurationProperties("wpm.billing")
public record BillingProperties(String defaultPlan, Duration trial, Map<String, Plan> plans) {
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /** @param yearlyPriceCents null when the plan is sold monthly only */
    public record Plan(String name, long monthlyPriceCents, Long yearlyPriceCents, String currency, int clientLimit,
                       int seatLimit) {
    }

    public BillingProperties {
        if (plans == null || plans.isEmpty()) {
            throw new IllegalArgumentException("wpm.billing.plans names no plan");
        }
        plans = new LinkedHashMap<>(plans);
        plans.forEach(BillingProperties::check);
        if (!plans.containsKey(defaultPlan)) {
            throw new IllegalArgumentException("wpm.billing.default-plan " + defaultPlan + " is not one of " + plans.keySet());
        }
        if (trial == null || trial.isNegative() || trial.isZero()) {
            throw new IllegalArgumentException("wpm.billing.trial must be a positive duration");
        }
    }

    private static void check(String key, Plan plan) {
        String where = "wpm.billing.plans." + key;
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException(where + ": a plan key is lower-case letters, digits and dashes");
        }
        if (plan.name() == null || plan.name().isBlank()) {
            throw new IllegalArgumentException(where + ".name is missing");
        }
        if (plan.monthlyPriceCents() <= 0 || plan.yearlyPriceCents() != null && plan.yearlyPriceCents() <= 0) {
            throw new IllegalArgumentException(where + ": prices are positive amounts in minor units");
        }
        if (plan.currency() == null || !CURRENCY.matcher(plan.currency()).matches()) {
            throw new IllegalArgumentException(where + ".currency must be an ISO 4217 code such as EUR");
        }
        if (plan.clientLimit() < 1 || plan.seatLimit() < 1) {
            throw new IllegalArgumentException(where + ": client and seat limits are at least 1");
        }
    }

    public Plan defaultTerms() {
        return plans.get(defaultPlan);
    }
}
