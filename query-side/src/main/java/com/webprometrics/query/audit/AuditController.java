package com.webprometrics.query.audit;

import com.webprometrics.platform.security.CurrentUser;
import com.webprometrics.platform.web.ProblemException;
import com.webprometrics.platform.web.Problems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The auditor's reading of the event store: search, an aggregate's history, its state as of an instant. */
@RestController
@RequestMapping("/api/audit")
class AuditController {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final AuditQueries queries;
    private final AggregateHistory history;

    AuditController(AuditQueries queries, AggregateHistory history) {
        this.queries = queries;
        this.history = history;
    }

    @GetMapping("/events")
    AuditQueries.Found events(CurrentUser user, @RequestParam(required = false) String aggregateType,
                              @RequestParam(required = false) String aggregateId,
                              @RequestParam(required = false) String eventType,
                              @RequestParam(required = false) String actor,
                              @RequestParam(required = false) String correlationId,
                              @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                              @RequestParam(required = false) String after,
                              @RequestParam(required = false) Integer limit) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (aggregateType != null && AggregateTypes.stored(aggregateType).isEmpty()) {
            errors.add(Problems.fieldError("aggregateType", "must be one of " + String.join(", ",
                    AggregateTypes.apiTypes().stream().sorted().toList())));
        }
        UUID actorId = uuid("actor", actor, errors);
        Instant fromInstant = instant("from", from, errors);
        Instant toInstant = instant("to", to, errors);
        Long afterPosition = position(after, errors);
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            errors.add(Problems.fieldError("limit", "must be between 1 and " + MAX_LIMIT));
        }
        for (String[] text : new String[][] {{"aggregateId", aggregateId}, {"eventType", eventType},
                {"correlationId", correlationId}}) {
            if (text[1] != null && text[1].length() > 255) {
                errors.add(Problems.fieldError(text[0], "must be at most 255 characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return queries.search(user.agencyId(), new AuditQueries.Filter(aggregateType, aggregateId, eventType, actorId,
                correlationId, fromInstant, toInstant, afterPosition, limit == null ? DEFAULT_LIMIT : limit));
    }

    @GetMapping("/event-types")
    List<String> eventTypes(CurrentUser user) {
        return queries.eventTypes(user.agencyId());
    }

    @GetMapping("/aggregates/{type}/{id}/history")
    List<AggregateHistory.Entry> history(CurrentUser user, @PathVariable String type, @PathVariable String id) {
        return history.history(user.agencyId(), type, id);
    }

    @GetMapping("/aggregates/{type}/{id}/state")
    AggregateHistory.StateAt state(CurrentUser user, @PathVariable String type, @PathVariable String id,
                                   @RequestParam(required = false) String at) {
        List<Map<String, String>> errors = new ArrayList<>();
        Instant instant = at == null ? Instant.now() : instant("at", at, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return history.stateAt(user.agencyId(), type, id, instant);
    }

    private static UUID uuid(String field, String value, List<Map<String, String>> errors) {
        if (value == null) return null;
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            errors.add(Problems.fieldError(field, "must be a user id (UUID)"));
            return null;
        }
    }

    private static Instant instant(String field, String value, List<Map<String, String>> errors) {
        if (value == null) return null;
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(Problems.fieldError(field, "must be an ISO-8601 instant such as 2026-12-05T10:00:00Z"));
            return null;
        }
    }

    private static Long position(String after, List<Map<String, String>> errors) {
        if (after == null) return null;
        try {
            long position = Long.parseLong(after);
            if (position > 0) return position;
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.add(Problems.fieldError("after", "must be the next cursor of a previous page"));
        return null;
    }
}
