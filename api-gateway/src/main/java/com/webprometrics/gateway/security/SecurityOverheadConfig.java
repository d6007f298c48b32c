package com.webprometrics.gateway.security;

import com.webprometrics.websecurity.LeanSecurityConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The same lean Spring Security request path as the services (see {@link LeanSecurityConfiguration}). */
@Configuration
@Import(LeanSecurityConfiguration.class)
class SecurityOverheadConfig {
}
