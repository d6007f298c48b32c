package com.webprometrics.gateway.security;

import com.webprometrics.websecurity.HeaderFirewall;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security's per-request overhead kept low: a regex-free header check (see {@link HeaderFirewall})
 * and no Micrometer observation around every filter (it cost more CPU than the filters; HTTP server
 * metrics stay on).
 */
@Configuration
class SecurityOverheadConfig {

    @Bean
    WebSecurityCustomizer fastHeaderFirewall() {
        return web -> web.httpFirewall(HeaderFirewall.strict());
    }

    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }
}
