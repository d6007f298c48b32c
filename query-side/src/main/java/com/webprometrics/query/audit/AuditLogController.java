package com.webprometrics.query.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.webprometrics.auditlog.ExportVerifier;
import com.webprometrics.auditlog.ExportWriter;
import com.webprometrics.auditlog.Verdict;
import com.webprometrics.platform.security.CurrentUser;
import com.webprometrics.platform.web.ProblemException;
import com.webprometrics.platform.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

/**
 * The agency's tamper-evident log: {@code GET /api/audit/verify} recomputes it against the latest signed
 * checkpoint, {@code GET /api/audit/export} streams it as NDJSON for the offline verifier (docs/design/audit-log.md).
 */
@RestController
@RequestMapping("/api/audit")
class AuditLogController {
    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    /** A verification or export reads the agency's whole log and holds its tree in memory: two at a time. */
    private final java.util.concurrent.Semaphore whole = new java.util.concurrent.Semaphore(2);
    private final AgencyLog log;
    private final PublishedCheckpointKey published;

    AuditLogController(AgencyLog log, PublishedCheckpointKey published) {
        this.log = log;
        this.published = published;
    }

    record CheckpointInfo(long size, String rootHash, String timestamp, String keyId) {
    }

    record Verification(boolean ok, long eventsChecked, long verifiedUpTo, CheckpointInfo checkpoint,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Long firstBrokenPosition,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String kind,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {
    }

    @GetMapping("/verify")
    Verification verify(CurrentUser user) {
        var stored = log.latestCheckpoint();
        if (stored.isEmpty()) {
            return new Verification(true, 0, 0, null, null, null, null);
        }
        var checkpoint = stored.get().checkpoint();
        CheckpointInfo info = new CheckpointInfo(checkpoint.size(), Base64.getEncoder().encodeToString(checkpoint.root()),
                checkpoint.checkpoint().timestamp(), checkpoint.keyId());
        var head = log.headBefore(user.agencyId(), checkpoint.size());
        if (head.isEmpty()) {
            return new Verification(true, 0, 0, info, null, null, null);
        }
        // the published key when the command side answers; else the stored one (checked against nothing better)
        ExportVerifier verifier = new ExportVerifier(List.of(published.get().orElse(stored.get().key())), List.of());
        acquire();
        try {
            log.feed(user.agencyId(), stored.get(), head.get(), null, null, null, verifier);
        } finally {
            whole.release();
        }
        Verdict verdict = verifier.verdict();
        long upTo = verdict.verifiedUpToPosition() == null ? 0 : verdict.verifiedUpToPosition();
        return new Verification(verdict.ok(), verdict.eventsChecked(), upTo, info,
                verdict.ok() ? null : verdict.position(), verdict.ok() ? null : verdict.kind().label(),
                verdict.ok() ? null : verdict.reason());
    }

    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(CurrentUser user, @RequestParam(required = false) String from,
                                                 @RequestParam(required = false) String to,
                                                 @RequestParam(required = false) Long anchor) {
        Instant fromInstant = instant("from", from);
        Instant toInstant = instant("to", to);
        AgencyLog.Stored stored = log.latestCheckpoint().orElseThrow(() -> ProblemException.conflict(
                "The audit log has not been sealed yet: the first checkpoint is taken within a minute of the first events."));
        AgencyLog.Head head = log.headBefore(user.agencyId(), stored.checkpoint().size()).orElseThrow(() ->
                ProblemException.conflict("No event of this agency is in a checkpoint yet: try again within a minute."));
        if (anchor != null && (anchor < 1 || anchor > stored.checkpoint().size())) {
            throw ProblemException.invalidFields(List.of(Problems.fieldError("anchor",
                    "must be the size of a published checkpoint, at most " + stored.checkpoint().size())));
        }
        String name = "audit-" + user.agencyId() + "-" + LocalDate.now(ZoneOffset.UTC) + ".ndjson";
        acquire();
        StreamingResponseBody body = out -> {
            try {
                ExportWriter writer = new ExportWriter(out);
                log.feed(user.agencyId(), stored, head, fromInstant, toInstant, anchor, writer);
                writer.flush();
            } finally {
                whole.release();
            }
        };
        return ResponseEntity.ok().contentType(NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").body(body);
    }

    private void acquire() {
        if (!whole.tryAcquire()) {
            throw new ProblemException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "busy", "Busy",
                    "Two verifications or exports are running on this instance: try again in a minute.");
        }
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidFields(List.of(Problems.fieldError(field,
                    "must be an ISO-8601 instant such as 2026-12-05T00:00:00Z")));
        }
    }
}
