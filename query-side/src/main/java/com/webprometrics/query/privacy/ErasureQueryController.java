package com.webprometrics.query.privacy;

import com.webprometrics.platform.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code GET /api/privacy/erasures}: the agency's erasure records, newest first (OWNER, AUDITOR). */
@RestController
class ErasureQueryController {
    private final JdbcTemplate jdbc;

    ErasureQueryController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record RequestedBy(UUID userId, String name) {
    }

    record Erasure(UUID erasureId, String subjectType, UUID subjectId, String reason, RequestedBy requestedBy,
                   Instant requestedAt, long position) {
    }

    @GetMapping("/api/privacy/erasures")
    List<Erasure> erasures(CurrentUser user) {
        return jdbc.query("""
                SELECT e.erasure_id, e.subject_type, e.subject_id, e.reason, e.requested_by, u.name, e.requested_at,
                       e.position
                FROM query.erasures_view e LEFT JOIN query.users_view u ON u.user_id = e.requested_by
                WHERE e.agency_id = ? ORDER BY e.requested_at DESC, e.erasure_id LIMIT 500""", (rs, n) -> new Erasure(
                rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
                rs.getObject(5, UUID.class) == null ? null : new RequestedBy(rs.getObject(5, UUID.class), rs.getString(6)),
                rs.getTimestamp(7).toInstant(), rs.getLong(8)), user.agencyId());
    }
}
