package com.webprometrics.query.integrations;

import com.webprometrics.events.catalogue.DerivedMetric;
import com.webprometrics.events.catalogue.Metric;
import com.webprometrics.platform.domain.DomainException;
import com.webprometrics.platform.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The metric vocabulary and a client's integrations, scoped to the caller's agency. The provider list
 * ({@code GET /api/integrations/providers}) is the command side's: it knows which connectors are configured.
 */
@RestController
class IntegrationQueryController {
    private final JdbcTemplate jdbc;

    IntegrationQueryController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record IntegrationView(UUID id, String provider, String status, Instant lastSyncAt, String lastError,
                           String accountName) {
    }

    record MetricCatalogue(List<Metric> base, List<DerivedMetric> derived) {
    }

    /** The metric vocabulary with labels and units, so clients format numbers without a copy of it. */
    @GetMapping("/api/integrations/metrics")
    MetricCatalogue metrics() {
        return new MetricCatalogue(Metric.ALL, DerivedMetric.ALL);
    }

    @GetMapping("/api/clients/{clientId}/integrations")
    List<IntegrationView> list(CurrentUser user, @PathVariable UUID clientId) {
        Integer known = jdbc.queryForObject(
                "SELECT count(*) FROM query.clients_view WHERE client_id = ? AND agency_id = ?",
                Integer.class, clientId, user.agencyId());
        if (known == null || known == 0) {
            throw DomainException.notFound("The client");
        }
        return jdbc.query("""
                SELECT integration_id, provider, status, last_sync_at, last_error, account_name
                FROM query.integrations_view WHERE client_id = ? AND agency_id = ?
                ORDER BY status = 'disconnected', provider, created_at, integration_id""",
                (rs, n) -> new IntegrationView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getString(5),
                        rs.getString(6)),
                clientId, user.agencyId());
    }
}
