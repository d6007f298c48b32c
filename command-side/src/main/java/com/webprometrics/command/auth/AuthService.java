package com.webprometrics.command.auth;

import com.webprometrics.websecurity.Uuids;
import com.webprometrics.command.auth.AuthCommands.EndSession;
import com.webprometrics.command.auth.AuthCommands.LoginOutcome;
import com.webprometrics.command.auth.AuthCommands.RecordLoginAttempt;
import com.webprometrics.command.auth.AuthCommands.RotateRefreshToken;
import com.webprometrics.command.auth.AuthCommands.RotationOutcome;
import com.webprometrics.command.auth.AuthCommands.SignUp;
import com.webprometrics.command.auth.AuthCommands.StartSession;
import com.webprometrics.command.billing.BillingProperties;
import com.webprometrics.command.infra.Commands;
import com.webprometrics.command.team.TeamCommands.AcceptInvitation;
import com.webprometrics.command.team.InvitationTokenStore;
import com.webprometrics.platform.axon.MetadataKeys;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.ZoneId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Sign-up, sign-in, token refresh and sign-out: checks secrets, then lets the aggregates decide. */
@Service
public class AuthService {
    private final Commands commands;
    private final TransactionTemplate tx;
    private final CredentialStore credentials;
    private final RefreshTokenStore refreshTokens;
    private final InvitationTokenStore invitationTokens;
    private final PasswordEncoder passwords;
    private final AccessTokens accessTokens;
    private final AuthProperties authProperties;
    private final BillingProperties billing;
    private final Clock clock;
    private final String dummyHash;
    private final FailedSignIns failedSignIns;

    AuthService(Commands commands, TransactionTemplate tx, CredentialStore credentials,
                RefreshTokenStore refreshTokens, InvitationTokenStore invitationTokens, PasswordEncoder passwords,
                AccessTokens accessTokens, AuthProperties authProperties, BillingProperties billing, Clock clock,
                FailedSignIns failedSignIns) {
        this.failedSignIns = failedSignIns;
        this.commands = commands;
        this.tx = tx;
        this.credentials = credentials;
        this.refreshTokens = refreshTokens;
        this.invitationTokens = invitationTokens;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.authProperties = authProperties;
        this.billing = billing;
        this.clock = clock;
        this.dummyHash = passwords.encode(OpaqueTokens.newSecret());
    }

    public record Tokens(String accessToken, String refreshToken, long expiresIn, UUID userId, UUID agencyId,
                         long position) {
    }

    /** @param timeZone the agency's IANA time zone: its days are the days of every dashboard and report */
    public Tokens signUp(String agencyName, String name, String email, String password, ZoneId timeZone) {
        UUID agencyId = Uuids.random();
        UUID userId = Uuids.random();
        Instant now = clock.instant();
        send(new SignUp(agencyId, userId, agencyName.trim(), name.trim(), email.trim(), passwords.encode(password),
                billing.defaultPlan(), billing.defaultTerms(), timeZone.getId(), now, now.plus(billing.trial())),
                userId, agencyId);
        return startSession(credentials.findByUserId(userId).orElseThrow());
    }

    public Tokens acceptInvitation(String inviteToken, String name, String password) {
        UUID invitationId = invitationTokens.invitationFor(OpaqueTokens.hash(inviteToken))
                .orElseThrow(AuthRejection.INVITATION_NOT_FOUND::get);
        UUID userId = Uuids.random();
        send(new AcceptInvitation(invitationId, userId, name.trim(), passwords.encode(password), clock.instant()), userId, null);
        return startSession(credentials.findByUserId(userId).orElseThrow());
    }

    public Tokens login(String email, String password) {
        Optional<CredentialStore.Credentials> found = credentials.findByEmail(email.trim());
        if (found.isEmpty()) {
            passwords.matches(password, dummyHash); // same work as a real check: no account enumeration by timing
            throw AuthRejection.INVALID_CREDENTIALS.get();
        }
        CredentialStore.Credentials user = found.get();
        if (!passwords.matches(password, user.passwordHash())) {
            failedSignIns.record(user, clock.instant());
            throw AuthRejection.INVALID_CREDENTIALS.get();
        }
        UUID sessionId = Uuids.random();
        LoginOutcome outcome = this.<LoginOutcome>send(new RecordLoginAttempt(user.userId(), true, sessionId, clock.instant()),
                user.userId(), user.agencyId()).answer();
        if (outcome != LoginOutcome.SUCCEEDED) {
            throw AuthRejection.INVALID_CREDENTIALS.get();
        }
        if (passwords.upgradeEncoding(user.passwordHash())) {
            credentials.replacePasswordHash(user.userId(), passwords.encode(password));
        }
        return startSession(user, sessionId);
    }

    public Tokens refresh(String refreshToken) {
        OpaqueTokens.Parsed presented = OpaqueTokens.parse(refreshToken).orElseThrow(AuthRejection.INVALID_REFRESH_TOKEN::get);
        RefreshTokenStore.StoredToken stored = refreshTokens.find(presented.id(), presented.generation())
                .orElseThrow(AuthRejection.INVALID_REFRESH_TOKEN::get);
        if (!OpaqueTokens.matches(presented.secret(), stored.hash())) {
            throw AuthRejection.INVALID_REFRESH_TOKEN.get();
        }
        String nextSecret = OpaqueTokens.newSecret();
        Commands.Sent<RotationOutcome> rotated = tx.execute(status -> {
            Commands.Sent<RotationOutcome> sent = send(new RotateRefreshToken(presented.id(), presented.generation(),
                    clock.instant()), stored.userId(), null);
            if (sent.answer() == RotationOutcome.ROTATED) {
                refreshTokens.save(presented.id(), presented.generation() + 1, stored.userId(),
                        OpaqueTokens.hash(nextSecret));
            }
            return sent;
        });
        if (rotated.answer() != RotationOutcome.ROTATED) {
            throw AuthRejection.INVALID_REFRESH_TOKEN.get();
        }
        CredentialStore.Credentials user = credentials.findByUserId(stored.userId()).filter(CredentialStore.Credentials::active)
                .orElseThrow(AuthRejection.INVALID_REFRESH_TOKEN::get);
        String token = new OpaqueTokens.Parsed(presented.id(), presented.generation() + 1, nextSecret).format();
        return new Tokens(accessTokens.issue(user, presented.id()), token, accessTokens.ttlSeconds(), user.userId(), user.agencyId(),
                rotated.position());
    }

    public void logout(String refreshToken) {
        OpaqueTokens.parse(refreshToken).ifPresent(presented -> refreshTokens.find(presented.id(), presented.generation())
                .filter(stored -> OpaqueTokens.matches(presented.secret(), stored.hash()))
                .ifPresent(stored -> send(new EndSession(presented.id(), "logout"), stored.userId(), null)));
    }

    private Tokens startSession(CredentialStore.Credentials user) {
        return startSession(user, Uuids.random());
    }

    private Tokens startSession(CredentialStore.Credentials user, UUID sessionId) {
        String secret = OpaqueTokens.newSecret();
        Instant expiresAt = clock.instant().plus(authProperties.refreshTokenTtl());
        long position = tx.execute(status -> {
            long p = send(new StartSession(sessionId, user.userId(), user.agencyId(), expiresAt), user.userId(),
                    user.agencyId()).position();
            refreshTokens.save(sessionId, 1, user.userId(), OpaqueTokens.hash(secret));
            return p;
        });
        String refreshToken = new OpaqueTokens.Parsed(sessionId, 1, secret).format();
        return new Tokens(accessTokens.issue(user, sessionId), refreshToken, accessTokens.ttlSeconds(), user.userId(), user.agencyId(),
                position);
    }

    /**
     * Sign-in flows run before there is an access token, so the actor and agency the events are
     * attributed to come from what the flow established, not from the request.
     */
    private <R> Commands.Sent<R> send(Object command, UUID actorId, UUID agencyId) {
        Map<String, Object> meta = new HashMap<>();
        if (actorId != null) {
            meta.put(MetadataKeys.USER_ID, actorId.toString());
        }
        if (agencyId != null) {
            meta.put(MetadataKeys.AGENCY_ID, agencyId.toString());
        }
        return commands.send(command, meta);
    }
}
