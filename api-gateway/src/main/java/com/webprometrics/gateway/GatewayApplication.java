package com.webprometrics.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

import com.webprometrics.websecurity.FailFastDatabaseConfiguration;

/** The one public entry of WebProMetrics: routing, JWT validation, route roles, rate limits, SPA. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(FailFastDatabaseConfiguration.class)
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
