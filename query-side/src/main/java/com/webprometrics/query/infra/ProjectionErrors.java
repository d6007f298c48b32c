package com.webprometrics.query.infra;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A projection that fails on an event must not skip it: Axon's default logs the error and moves on,
 * leaving the read model silently wrong. Propagating it makes the tracking processor roll the batch
 * back, release its segment and retry with back-off until the handler succeeds (or ops intervene).
 */
@Configuration
class ProjectionErrors {

    @Bean
    ConfigurerModule failProjectionsLoudly() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
