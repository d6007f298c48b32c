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
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiFunction;

/**
 * Every command is stamped with the request's actor, agency, IP, user agent and correlation id, and tried again
 * (twice at most, a few milliseconds apart) when it lost a race: a cached aggregate another instance changed meanwhile
 * fails its append on the event store's unique (aggregate, sequence) key — Axon drops it from the cache, and the
 * retry loads it afresh. A rule's refusal (a {@code DomainException}) is never retried: deciding again changes nothing;
 * nor is a database outage: a few milliseconds will not bring PostgreSQL back, and the caller is told to retry later
 * — least of all one during COMMIT, which may have saved the change ({@link CommitAwareTransactionManager}).
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

    /**
     * Axon's Spring-managed transactions, as its auto-configuration makes them, with commit failures told apart;
     * static, as the command bus this configuration is wired with needs it first.
     */
    @Bean
    static TransactionManager axonTransactionManager(PlatformTransactionManager transactions) {
        return new CommitAwareTransactionManager(new SpringTransactionManager(transactions));
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
