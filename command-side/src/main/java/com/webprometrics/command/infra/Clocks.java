package com.webprometrics.command.infra;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The one clock. Aggregates never read it: the time a decision is made at travels in the command. */
@Configuration
public class Clocks {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
