package com.webprometrics.websecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security's per-request overhead kept low in every service: a regex-free header check (see
 * {@link HeaderFirewall}) and no Micrometer observation around every filter of the chain, which cost more
 * CPU than the filters themselves (JFR, docs/benchmarks.md). HTTP server metrics stay on.
 */
@Configuration(proxyBeanMethods = false)
public class LeanSecurityConfiguration {

    @Bean
    WebSecurityCustomizer fastHeaderFirewall() {
        return web -> web.httpFirewall(HeaderFirewall.strict());
    }

    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }
}
