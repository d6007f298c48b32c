package com.webprometrics.query.audit;

import com.webprometrics.events.privacy.PersonalDataErased;
import com.webprometrics.query.infra.BatchedWrites;
import com.webprometrics.query.privacy.Erasures;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Blanks what the audit search copied of erased subjects: the IP and user agent of the events an erased member
 * caused, or of all the events of an erased agency. In the audit projection's processor (after the rows it wrote),
 * and a component of its own: the projection's catch-all handler must still index the erasure event itself.
 */
@Component
@ProcessingGroup("audit")
class AuditErasures {
    private final BatchedWrites writes;

    AuditErasures(BatchedWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(PersonalDataErased e) {
        for (UUID user : Erasures.ids(e, "user")) {
            writes.update("UPDATE query.audit_events SET ip = ?, user_agent = ? WHERE agency_id = ? AND actor_id = ?",
                    Erasures.ERASED, Erasures.ERASED, e.agencyId(), user);
        }
        if (!Erasures.ids(e, "agency").isEmpty()) {
            writes.update("UPDATE query.audit_events SET ip = ?, user_agent = ? WHERE agency_id = ?",
                    Erasures.ERASED, Erasures.ERASED, e.agencyId());
        }
    }
}
