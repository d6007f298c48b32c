package com.webprometrics.query.clients;

import com.webprometrics.query.privacy.Erasures;
import com.webprometrics.events.privacy.PersonalDataErased;
import com.webprometrics.events.clients.ClientArchived;
import com.webprometrics.events.clients.ClientCreated;
import com.webprometrics.events.clients.ClientDetailsUpdated;
import com.webprometrics.events.clients.ClientRestored;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import com.webprometrics.query.infra.BatchedWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code query.clients_view}. Idempotent: each row remembers the aggregate sequence it reflects and
 * ignores anything older, so a replay or a redelivered batch changes nothing.
 */
@Component
@ProcessingGroup("clients")
class ClientProjection {
    private final JdbcTemplate jdbc;
    private final BatchedWrites writes;

    ClientProjection(JdbcTemplate jdbc, BatchedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventHandler
    void on(ClientCreated e, @SequenceNumber long sequence, @Timestamp Instant at) {
        writes.update("""
                INSERT INTO query.clients_view (client_id, agency_id, name, website, industry, contact_email, notes,
                    status, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)
                ON CONFLICT (client_id) DO NOTHING""",
                e.clientId(), e.agencyId(), e.name(), e.website(), e.industry(), e.contactEmail(), e.notes(),
                java.sql.Timestamp.from(at), java.sql.Timestamp.from(at), sequence);
    }

    @EventHandler
    void on(ClientDetailsUpdated e, @SequenceNumber long sequence, @Timestamp Instant at) {
        writes.update("""
                UPDATE query.clients_view SET name = ?, website = ?, industry = ?, contact_email = ?, notes = ?,
                    updated_at = ?, version = ?
                WHERE client_id = ? AND version < ?""",
                e.name(), e.website(), e.industry(), e.contactEmail(), e.notes(), java.sql.Timestamp.from(at), sequence,
                e.clientId(), sequence);
    }

    @EventHandler
    void on(ClientArchived e, @SequenceNumber long sequence, @Timestamp Instant at) {
        status(e.clientId(), "archived", sequence, at);
    }

    @EventHandler
    void on(ClientRestored e, @SequenceNumber long sequence, @Timestamp Instant at) {
        status(e.clientId(), "active", sequence, at);
    }

    @EventHandler
    void on(PersonalDataErased e) {
        for (java.util.UUID client : Erasures.ids(e, "client-contact")) {
            writes.update("UPDATE query.clients_view SET contact_email = ? WHERE client_id = ? AND contact_email IS NOT NULL",
                    Erasures.ERASED, client);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE query.clients_view");
    }

    private void status(UUID clientId, String status, long sequence, Instant at) {
        writes.update("UPDATE query.clients_view SET status = ?, updated_at = ?, version = ? WHERE client_id = ? AND version < ?",
                status, java.sql.Timestamp.from(at), sequence, clientId, sequence);
    }
}
