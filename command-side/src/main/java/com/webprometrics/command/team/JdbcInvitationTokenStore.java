package com.webprometrics.command.team;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.UUID;

@Repository
class JdbcInvitationTokenStore implements InvitationTokenStore {
    private final JdbcTemplate jdbc;

    JdbcInvitationTokenStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(UUID invitationId, byte[] tokenHash) {
        jdbc.update("INSERT INTO command.invitation_tokens (token_hash, invitation_id) VALUES (?, ?)", tokenHash, invitationId);
    }

    @Override
    public Optional<UUID> invitationFor(byte[] tokenHash) {
        return jdbc.query("SELECT invitation_id FROM command.invitation_tokens WHERE token_hash = ?",
                (rs, n) -> rs.getObject(1, UUID.class), (Object) tokenHash).stream().findFirst();
    }
}
