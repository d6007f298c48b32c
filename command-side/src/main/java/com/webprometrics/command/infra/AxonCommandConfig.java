package com.webprometrics.command.infra;

import com.webprometrics.platform.web.RequestMetadata;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.function.BiFunction;

/** Stamps every command with the request's actor, agency, IP, user agent and correlation id. */
@Configuration
public class AxonCommandConfig {

    @Autowired
    void registerMetadataInterceptor(CommandBus commandBus, RequestMetadata requestMetadata) {
        commandBus.registerDispatchInterceptor(new MessageDispatchInterceptor<CommandMessage<?>>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
                return (index, command) -> command.andMetaData(requestMetadata.current());
            }
        });
    }
}
