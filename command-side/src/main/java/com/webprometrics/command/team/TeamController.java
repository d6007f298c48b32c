package com.webprometrics.command.team;

import com.webprometrics.websecurity.Uuids;
import com.webprometrics.command.auth.OpaqueTokens;
import com.webprometrics.command.infra.CommandResult;
import com.webprometrics.command.infra.Commands;
import com.webprometrics.command.team.TeamCommands.ChangeUserRole;
import com.webprometrics.command.team.TeamCommands.DeactivateUser;
import com.webprometrics.command.team.TeamCommands.InviteTeamMember;
import com.webprometrics.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/** Team management (OWNER and ADMIN, enforced by the security rules and the aggregates). */
@RestController
@RequestMapping("/api/team")
class TeamController {
    private final Commands commands;
    private final InvitationTokenStore tokens;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration invitationTtl;

    TeamController(Commands commands, InvitationTokenStore tokens, TransactionTemplate tx, Clock clock,
                   @Value("${wpm.auth.invitation-ttl}") Duration invitationTtl) {
        this.commands = commands;
        this.tokens = tokens;
        this.tx = tx;
        this.clock = clock;
        this.invitationTtl = invitationTtl;
    }

    record InviteRequest(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 20) String role) {
    }

    record InvitationResponse(UUID invitationId, String inviteToken, long position) {
    }

    record RoleRequest(@NotBlank @Size(max = 20) String role) {
    }

    @PostMapping("/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    InvitationResponse invite(@Valid @RequestBody InviteRequest request, CurrentUser user) {
        UUID invitationId = Uuids.random();
        String token = OpaqueTokens.newSecret();
        long position = tx.execute(status -> {
            long p = commands.position(new InviteTeamMember(invitationId, user.agencyId(), request.email().trim(),
                    request.role(), user.userId(), clock.instant().plus(invitationTtl)));
            tokens.save(invitationId, OpaqueTokens.hash(token));
            return p;
        });
        return new InvitationResponse(invitationId, token, position);
    }

    @PatchMapping("/{userId}")
    CommandResult changeRole(@PathVariable UUID userId, @Valid @RequestBody RoleRequest request, CurrentUser user) {
        return commands.result(userId, new ChangeUserRole(userId, user.agencyId(), request.role(), user.userId()));
    }

    @DeleteMapping("/{userId}")
    CommandResult deactivate(@PathVariable UUID userId, CurrentUser user) {
        return commands.result(userId, new DeactivateUser(userId, user.agencyId(), user.userId()));
    }
}
