package com.webprometrics.query.infra;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The one clock of the query side (reports evaluate relative ranges and stamp exports with it). */
@Configuration
public class Clocks {
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
