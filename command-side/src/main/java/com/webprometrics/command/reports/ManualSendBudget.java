package com.webprometrics.command.reports;

import com.webprometrics.platform.web.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * How many "send now" deliveries an agency may request per hour ({@code wpm.reports.manual-sends-per-hour}): the
 * recipients are whoever the caller names, so the budget bounds what a stolen token can make the server e-mail.
 * Scheduled deliveries do not count. One atomic upsert per request, shared by every command-side instance.
 */
@Repository
class ManualSendBudget {
    private static final Duration WINDOW = Duration.ofHours(1);
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int perHour;

    ManualSendBudget(JdbcTemplate jdbc, Clock clock, @Value("${wpm.reports.manual-sends-per-hour:20}") int perHour) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.perHour = perHour;
    }

    /** @throws ProblemException 429 when the agency's sends of the current hour window are used up */
    void take(UUID agencyId) {
        Instant now = clock.instant();
        Timestamp windowOpen = Timestamp.from(now.minus(WINDOW));
        Instant windowStart = jdbc.queryForObject("""
                INSERT INTO command.manual_send_budget AS b (agency_id, window_start, used) VALUES (?, ?, 1)
                ON CONFLICT (agency_id) DO UPDATE SET
                    used = CASE WHEN b.window_start <= ? THEN 1 ELSE b.used + 1 END,
                    window_start = CASE WHEN b.window_start <= ? THEN excluded.window_start ELSE b.window_start END
                RETURNING CASE WHEN used > ? THEN window_start END""",
                (rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant(),
                agencyId, Timestamp.from(now), windowOpen, windowOpen, perHour);
        if (windowStart != null) {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many reports sent",
                    "This agency has sent " + perHour + " reports by hand in the last hour; try again after "
                            + windowStart.plus(WINDOW) + " (scheduled deliveries are not affected).");
        }
    }
}
