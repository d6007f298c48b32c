package com.webprometrics.command.privacy;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/** Erasures, each decided by the aggregate whose subject it erases. */
public final class PrivacyCommands {
    private PrivacyCommands() {
    }

    /** @param invitations the keys of every invitation the agency sent to the member's address */
    public record EraseMemberData(@TargetAggregateIdentifier UUID userId, UUID agencyId, UUID erasureId, String reason,
                                  UUID requestedBy, List<String> invitations) {
    }

    public record EraseClientContact(@TargetAggregateIdentifier UUID clientId, UUID agencyId, UUID erasureId,
                                     String reason, UUID requestedBy) {
    }

    /** @param subjects every key held for the agency (users, invitations, client contacts, the agency's own) */
    public record EraseAgencyData(@TargetAggregateIdentifier UUID agencyId, UUID erasureId, String reason,
                                  UUID requestedBy, List<String> subjects) {
    }
}
