package com.webprometrics.command.billing;

import com.webprometrics.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * A suspended or canceled subscription's agency can sign in, read, export and pay, and nothing else: every other write
 * answers 402 problem+json naming the subscription. Reads are the query side's and never get here.
 */
@Component
class UnpaidWrites implements HandlerInterceptor, WebMvcConfigurer {
    private static final List<String> ALWAYS_ALLOWED = List.of("/api/subscriptions/", "/api/auth/", "/api/webhooks/",
            "/api/ops/");

    private final BillingStanding standing;

    UnpaidWrites(BillingStanding standing) {
        this.standing = standing;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return true;
        }
        String path = request.getRequestURI();
        if (ALWAYS_ALLOWED.stream().anyMatch(path::startsWith)) {
            return true;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)
                || jwt.getClaimAsString(CurrentUser.AGENCY_CLAIM) == null) {
            return true; // service tokens and operators act for no agency
        }
        standing.requireGoodStanding(CurrentUser.from(jwt).agencyId());
        return true;
    }
}
