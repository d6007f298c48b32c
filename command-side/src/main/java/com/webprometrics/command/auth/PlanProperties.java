package com.webprometrics.command.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code wpm.plans.*}: the plan and client limit a new agency starts its trial with. */
@ConfigurationProperties("wpm.plans")
public record PlanProperties(String defaultPlan, int defaultClientLimit) {
}
