package com.webprometrics.command.infra;

import com.webprometrics.platform.web.DatabaseOutage;
import com.webprometrics.platform.web.RequestMetadata;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.messaging.MessageDispatchInterceptor;
import com.webprometrics.platform.domain.DomainException;
import org.axonframework.commandhandling.gateway.AxonNonTransientExceptionClassesPredicate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiFunction;

/**
 * Every command is stamped with the request's actor, agency, IP, user agent and correlation id, and tried again
 * (twice at most, a few milliseconds apart) when it lost a race: a cached aggregate another instance changed meanwhile
 * fails its append on the event store's unique (aggregate, sequence) key — Axon drops it from the cache, and the
 * retry loads it afresh. A rule's refusal (a {@code DomainException}) is never retried: deciding again changes nothing;
 * nor is a database outage: a few milliseconds will not bring PostgreSQL back, and the caller is told to retry later.
 */
@Configuration
public class AxonCommandConfig {
    private static final AxonNonTransientExceptionClassesPredicate AXON_NON_TRANSIENT =
            new AxonNonTransientExceptionClassesPredicate();

    @Autowired
    void registerMetadataInterceptor(CommandBus commandBus, RequestMetadata requestMetadata) {
        commandBus.registerDispatchInterceptor(new MessageDispatchInterceptor<CommandMessage<?>>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
                return (index, command) -> command.andMetaData(requestMetadata.current());
            }
        });
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "wpm-command-retries");
            thread.setDaemon(true);
            return thread;
        });
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(retries)
                        .retryInterval(5)
                        .maxRetryCount(2)
                        .nonTransientFailurePredicate(failure -> failure instanceof DomainException
                                || DatabaseOutage.isCause(failure) || AXON_NON_TRANSIENT.test(failure))
                        .build())
                .build();
    }
}
