package com.webprometrics.command.privacy;

import com.webprometrics.command.infra.Commands;
import com.webprometrics.platform.security.CurrentUser;
import com.webprometrics.platform.web.ProblemException;
import com.webprometrics.platform.web.Problems;
import com.webprometrics.platform.privacy.SubjectKeys;
import com.webprometrics.websecurity.Uuids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /api/privacy/erasures}: an OWNER erases a deactivated member's or a client contact's personal data; an
 * operator (OPS) a closed agency's. The subject's aggregate decides; the erasure record is its event.
 */
@RestController
@RequestMapping("/api/privacy")
class ErasureController {
    private final Commands commands;
    private final SubjectKeys keys;
    private final Invitees invitees;

    ErasureController(Commands commands, SubjectKeys keys, Invitees invitees) {
        this.commands = commands;
        this.keys = keys;
        this.invitees = invitees;
    }

    record ErasureRequest(@NotBlank @Size(max = 20) String subjectType, @NotNull UUID subjectId,
                          @NotBlank @Size(max = 500) String reason) {
    }

    record ErasureResponse(UUID erasureId, long position) {
    }

    @PostMapping("/erasures")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ErasureResponse erase(@Valid @RequestBody ErasureRequest request, CurrentUser user) {
        UUID erasureId = Uuids.random();
        String reason = request.reason().trim();
        Object command = switch (request.subjectType()) {
            case "user" -> {
                requireRole(user, "OWNER", "the agency's owner erases a member's data");
                yield new PrivacyCommands.EraseMemberData(request.subjectId(), user.agencyId(), erasureId, reason,
                        user.userId(), invitees.invitationsOf(user.agencyId(), request.subjectId()));
            }
            case "client-contact" -> {
                requireRole(user, "OWNER", "the agency's owner erases a client contact's data");
                yield new PrivacyCommands.EraseClientContact(request.subjectId(), user.agencyId(), erasureId, reason,
                        user.userId());
            }
            case "agency" -> {
                requireRole(user, "OPS", "only an operator erases a closed agency's data");
                List<String> subjects = new ArrayList<>(keys.subjectsOf(request.subjectId()));
                String own = "agency:" + request.subjectId();
                if (!subjects.contains(own)) subjects.add(own);
                yield new PrivacyCommands.EraseAgencyData(request.subjectId(), erasureId, reason, user.userId(),
                        List.copyOf(subjects));
            }
            default -> throw ProblemException.invalidFields(List.of(Problems.fieldError("subjectType",
                    "must be user, client-contact or agency")));
        };
        return new ErasureResponse(erasureId, commands.position(command));
    }

    private static void requireRole(CurrentUser user, String role, String why) {
        if (!user.hasAnyRole(role)) {
            throw ProblemException.forbidden("Not allowed: " + why + ".");
        }
    }
}
