package com.webprometrics.command.operators;

import com.webprometrics.command.auth.AuthCommands.GrantOps;
import com.webprometrics.command.auth.AuthCommands.RevokeOps;
import com.webprometrics.command.auth.CredentialStore;
import com.webprometrics.command.auth.SigningKeys;
import com.webprometrics.command.infra.CommandResult;
import com.webprometrics.command.infra.Commands;
import com.webprometrics.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.UUID;

/**
 * {@code ./wpm ops grant|revoke|list}: the only way to the platform role OPS; {@code ./wpm ops rotate-signing-key}. Outside {@code /api} (the gateway never
 * routes here), from a loopback peer presenting the operator token; the grant is an event on the user's account and
 * tokens issued after it carry OPS.
 */
@RestController
@RequestMapping("/internal/operators")
class OperatorController {
    static final String TOKEN_HEADER = "X-Operator-Token";

    private final OperatorAccess access;
    private final CredentialStore credentials;
    private final Commands commands;
    private final JdbcTemplate jdbc;
    private final SigningKeys signingKeys;

    OperatorController(OperatorAccess access, CredentialStore credentials, Commands commands, JdbcTemplate jdbc,
                       SigningKeys signingKeys) {
        this.access = access;
        this.credentials = credentials;
        this.commands = commands;
        this.jdbc = jdbc;
        this.signingKeys = signingKeys;
    }

    record OpsChange(@NotBlank @Size(max = 254) String email, @Size(max = 120) String operator) {
    }

    record OpsHolder(String email, UUID userId, UUID agencyId) {
    }

    @GetMapping("/ops")
    List<OpsHolder> list(HttpServletRequest request, @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        requireOperator(request, token);
        return jdbc.query("SELECT email, user_id, agency_id FROM command.user_accounts WHERE ops ORDER BY lower(email)",
                (rs, n) -> new OpsHolder(rs.getString("email"), rs.getObject("user_id", UUID.class),
                        rs.getObject("agency_id", UUID.class)));
    }

    @PostMapping("/ops/grant")
    CommandResult grant(HttpServletRequest request, @RequestHeader(name = TOKEN_HEADER, required = false) String token,
                        @Valid @RequestBody OpsChange change) {
        requireOperator(request, token);
        UUID userId = user(change.email());
        return commands.result(userId, new GrantOps(userId, by(change)));
    }

    @PostMapping("/ops/revoke")
    CommandResult revoke(HttpServletRequest request, @RequestHeader(name = TOKEN_HEADER, required = false) String token,
                         @Valid @RequestBody OpsChange change) {
        requireOperator(request, token);
        UUID userId = user(change.email());
        return commands.result(userId, new RevokeOps(userId, by(change)));
    }

    record Rotated(String kid) {
    }

    /** {@code ./wpm ops rotate-signing-key}: new tokens are signed with a new key; the old one stays published a day. */
    @PostMapping("/signing-key/rotate")
    Rotated rotateSigningKey(HttpServletRequest request,
                             @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        requireOperator(request, token);
        return new Rotated(signingKeys.rotate());
    }

    private void requireOperator(HttpServletRequest request, String token) {
        if (!fromLoopback(request) || !access.permits(token)) {
            throw ProblemException.forbidden("Only an operator on the machine may do this (./wpm ops).");
        }
    }

    private UUID user(String email) {
        return credentials.findByEmail(email.trim()).map(CredentialStore.Credentials::userId)
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "not-found", "No such user",
                        "No account has the e-mail address " + email.trim() + "."));
    }

    private static String by(OpsChange change) {
        return change.operator() == null || change.operator().isBlank() ? "operator" : change.operator().trim();
    }

    private static boolean fromLoopback(HttpServletRequest request) {
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
