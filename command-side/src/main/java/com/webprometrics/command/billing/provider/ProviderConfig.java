package com.webprometrics.command.billing.provider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ProviderConfig {

    @Bean
    StripeApi stripeApi(ProviderProperties properties) {
        return new StripeApi(properties.apiUrl(), properties.secretKey() == null ? "" : properties.secretKey(),
                properties.timeout());
    }
}
