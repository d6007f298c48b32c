package com.webprometrics.command.integrations.http;

import com.webprometrics.command.integrations.ProviderProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;

/**
 * Two retry budgets: syncs (background threads) use {@code wpm.providers.http}; the OAuth callback and
 * revocations, which a person waits for, try at most twice and never wait more than a few seconds.
 */
@Configuration
class ProviderHttpConfig {

    @Bean
    Sleeper sleeper() {
        return Sleeper.REAL;
    }

    @Bean
    @Primary
    ProviderHttp providerHttp(ProviderProperties properties, Sleeper sleeper, Clock clock) {
        return new ProviderHttp(properties.http(), sleeper, clock);
    }

    @Bean
    ProviderHttp interactiveProviderHttp(ProviderProperties properties, Sleeper sleeper, Clock clock) {
        ProviderProperties.Http sync = properties.http();
        Duration ceiling = Duration.ofSeconds(5);
        ProviderProperties.Http interactive = new ProviderProperties.Http(sync.connectTimeout(),
                min(sync.readTimeout(), Duration.ofSeconds(20)), Math.min(2, sync.maxAttempts()),
                min(sync.baseDelay(), Duration.ofSeconds(1)), min(sync.maxDelay(), ceiling), ceiling);
        return new ProviderHttp(interactive, sleeper, clock);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
