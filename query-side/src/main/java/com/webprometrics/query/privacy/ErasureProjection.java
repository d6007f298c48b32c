package com.webprometrics.query.privacy;

import com.webprometrics.events.privacy.PersonalDataErased;
import com.webprometrics.platform.axon.eventstore.GlobalIndex;
import com.webprometrics.platform.privacy.SubjectKeys;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * The erasure records as the privacy page lists them ({@code query.erasures_view}). It also makes this service forget
 * the erased keys at once (they are gone from the table; another instance stops using a remembered key within a
 * minute). Each read model blanks its own copies of the data in its own processor (see {@link Erasures}).
 */
@Component
@ProcessingGroup("privacy")
class ErasureProjection {
    private final JdbcTemplate jdbc;
    private final SubjectKeys keys;

    ErasureProjection(JdbcTemplate jdbc, SubjectKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    @EventHandler
    void on(PersonalDataErased e, org.axonframework.eventhandling.EventMessage<?> message, TrackingToken token,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        keys.forget(e.subjects());
        jdbc.update("""
                INSERT INTO query.erasures_view (erasure_id, agency_id, subject_type, subject_id, reason, requested_by,
                    requested_at, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (erasure_id) DO NOTHING""",
                e.erasureId(), e.agencyId(), e.subjectType(), e.subjectId(), e.reason(), e.requestedBy(),
                Timestamp.from(at), GlobalIndex.of(message, token).orElse(0));
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE query.erasures_view");
    }
}
