package com.webprometrics.command.clients;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;
import java.util.UUID;

public final class ClientCommands {
    private ClientCommands() {
    }

    public record CreateClient(@TargetAggregateIdentifier UUID clientId, UUID agencyId, ClientDetails details) {
    }

    /** Only the keys present change; a present key with a null value clears that field. */
    public record UpdateClientDetails(@TargetAggregateIdentifier UUID clientId, UUID agencyId,
                                      Map<String, String> changes) {
    }

    public record ArchiveClient(@TargetAggregateIdentifier UUID clientId, UUID agencyId) {
    }

    public record RestoreClient(@TargetAggregateIdentifier UUID clientId, UUID agencyId) {
    }
}
