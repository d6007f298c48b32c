package com.webprometrics.command.team;

import java.util.Optional;
import java.util.UUID;

/** Hashes of one-time invitation tokens; the token itself is shown once to the inviter and never stored. */
public interface InvitationTokenStore {

    void save(UUID invitationId, byte[] tokenHash);

    Optional<UUID> invitationFor(byte[] tokenHash);
}
