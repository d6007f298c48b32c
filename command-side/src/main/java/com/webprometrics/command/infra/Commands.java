package com.webprometrics.command.infra;

import com.webprometrics.platform.axon.eventstore.AppendedPositions;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;

/**
 * Sends a command and answers what it decided together with the position it produced: the global index of the
 * last event it appended (0 when it appended none), read from the append itself.
 */
@Component
public class Commands {
    private final CommandGateway gateway;

    public Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** What a command answered and the position of the last event it appended. */
    public record Sent<R>(R answer, long position) {
    }

    public <R> Sent<R> send(Object command) {
        return send(command, Map.of());
    }

    /** @param metadata added to the request's (who acted, when there is no signed-in request) */
    public <R> Sent<R> send(Object command, Map<String, ?> metadata) {
        CommandMessage<Object> message = GenericCommandMessage.asCommandMessage(command).andMetaData(metadata);
        AppendedPositions.expect(message.getIdentifier());
        try {
            R answer = gateway.sendAndWait(message);
            return new Sent<>(answer, AppendedPositions.take(message.getIdentifier()));
        } finally {
            AppendedPositions.take(message.getIdentifier());
        }
    }

    /** @return the position the command produced */
    public long position(Object command) {
        return send(command).position();
    }

    public CommandResult result(UUID id, Object command) {
        return new CommandResult(id, position(command));
    }
}
