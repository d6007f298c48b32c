package com.webprometrics.command.auth;

import com.webprometrics.command.auth.AuthCommands.EndSession;
import com.webprometrics.command.auth.AuthCommands.RecordPasswordChange;
import com.webprometrics.command.infra.Commands;
import com.webprometrics.platform.axon.MetadataKeys;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A signed-in user changing their password (the session that does it stays; every other refresh family ends) and
 * a forgotten password reset through a link e-mailed to the account's address (single use, 30 minutes, only its
 * hash kept; every session ends). Each records {@code UserCredentialsChanged} on the account; the hash itself stays
 * in the credential store.
 */
@Service
public class PasswordChanges {
    static final Duration RESET_LINK_TTL = Duration.ofMinutes(30);

    private final CredentialStore credentials;
    private final PasswordEncoder passwords;
    private final OpenSessionsTable openSessions;
    private final Commands commands;
    private final TransactionTemplate tx;
    private final JdbcTemplate jdbc;
    private final PasswordResetMail mail;
    private final Clock clock;

    PasswordChanges(CredentialStore credentials, PasswordEncoder passwords, OpenSessionsTable openSessions,
                    Commands commands, TransactionTemplate tx, JdbcTemplate jdbc, PasswordResetMail mail, Clock clock) {
        this.credentials = credentials;
        this.passwords = passwords;
        this.openSessions = openSessions;
        this.commands = commands;
        this.tx = tx;
        this.jdbc = jdbc;
        this.mail = mail;
        this.clock = clock;
    }

    /** @return the position of the last event appended */
    public long change(UUID userId, UUID currentSession, String currentPassword, String newPassword) {
        CredentialStore.Credentials user = credentials.findByUserId(userId).filter(CredentialStore.Credentials::active)
                .orElseThrow(AuthRejection.INVALID_CREDENTIALS::get);
        if (!passwords.matches(currentPassword, user.passwordHash())) {
            throw AuthRejection.WRONG_CURRENT_PASSWORD.get();
        }
        return replace(user, passwords.encode(newPassword), "changed", currentSession);
    }

    /**
     * Sends a reset link when the address belongs to an active account, and nothing otherwise; the caller answers
     * the same either way, at once (the e-mail goes out in the background, so timing tells nothing either).
     */
    public void requestReset(String email) {
        Optional<CredentialStore.Credentials> found = credentials.findByEmail(email.trim())
                .filter(CredentialStore.Credentials::active);
        if (found.isEmpty()) {
            return;
        }
        CredentialStore.Credentials user = found.get();
        String token = OpaqueTokens.newSecret();
        Instant expiresAt = clock.instant().plus(RESET_LINK_TTL);
        jdbc.update("INSERT INTO command.password_reset_tokens (token_hash, user_id, expires_at) VALUES (?, ?, ?)",
                OpaqueTokens.hash(token), user.userId(), Timestamp.from(expiresAt));
        mail.sendLater(user.userId(), user.email(), token, expiresAt);
    }

    /** @return the position of the last event appended */
    public long reset(String token, String newPassword) {
        // a link that cannot work costs no password hash; the update below still decides, once, under concurrency
        if (!Boolean.TRUE.equals(jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM command.password_reset_tokens
                               WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?)""", Boolean.class,
                OpaqueTokens.hash(token), Timestamp.from(clock.instant())))) {
            throw AuthRejection.INVALID_RESET_TOKEN.get();
        }
        String hash = passwords.encode(newPassword);
        return tx.execute(status -> {
            UUID userId = jdbc.query("""
                    UPDATE command.password_reset_tokens SET used_at = ?
                    WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
                    RETURNING user_id""", (rs, n) -> rs.getObject(1, UUID.class),
                    Timestamp.from(clock.instant()), OpaqueTokens.hash(token), Timestamp.from(clock.instant()))
                    .stream().findFirst().orElseThrow(AuthRejection.INVALID_RESET_TOKEN::get);
            CredentialStore.Credentials user = credentials.findByUserId(userId)
                    .filter(CredentialStore.Credentials::active).orElseThrow(AuthRejection.INVALID_RESET_TOKEN::get);
            // other links of the user die with this one
            jdbc.update("UPDATE command.password_reset_tokens SET used_at = ? WHERE user_id = ? AND used_at IS NULL",
                    Timestamp.from(clock.instant()), userId);
            return replace(user, hash, "reset", null);
        });
    }

    private long replace(CredentialStore.Credentials user, String hash, String reason, UUID keptSession) {
        return tx.execute(status -> {
            credentials.replacePasswordHash(user.userId(), hash);
            Map<String, Object> meta = Map.of(MetadataKeys.USER_ID, user.userId().toString(),
                    MetadataKeys.AGENCY_ID, user.agencyId().toString());
            long position = commands.send(new RecordPasswordChange(user.userId(), reason), meta).position();
            for (UUID session : openSessions.of(user.userId())) {
                if (!session.equals(keptSession)) {
                    position = Math.max(position, commands.send(new EndSession(session, "password_" + reason), meta).position());
                }
            }
            return position;
        });
    }
}
