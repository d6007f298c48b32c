package com.webprometrics.gateway.security;

import com.webprometrics.websecurity.HeaderFirewall;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

/** Spring Security's strict firewall with a regex-free header check (see {@link HeaderFirewall}). */
@Configuration
class HeaderFirewallConfig {

    @Bean
    WebSecurityCustomizer fastHeaderFirewall() {
        return web -> web.httpFirewall(HeaderFirewall.strict());
    }
}
