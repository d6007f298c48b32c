package com.webprometrics.command.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Prometheus gauges of the audit log, read when scraped (one indexed query each): {@code
 * wpm_audit_sealing_lag_seconds}, how long the next event in the sealer's line has waited since it was written (0 when
 * everything committed is sealed; grows while a write transaction left open anywhere on the cluster holds sealing
 * back), and {@code wpm_audit_checkpoints_unpublished}, signed checkpoints the sink has not taken yet (grows while the
 * sink file or URL fails). NaN while the database does not answer. After a restore into another cluster the sealer
 * goes over the store again from its start, and the lag shows the oldest event's age until it is through.
 */
@Component
class AuditGauges implements MeterBinder {
    private final JdbcTemplate jdbc;

    AuditGauges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("wpm.audit.sealing.lag", this, AuditGauges::sealingLagSeconds).baseUnit("seconds")
                .description("how long the next event to seal has waited since it was written").register(registry);
        Gauge.builder("wpm.audit.checkpoints.unpublished", this, AuditGauges::unpublishedCheckpoints)
                .description("signed checkpoints the sink has not taken yet").register(registry);
    }

    double sealingLagSeconds() {
        // the first event after the sealer's cursor, in the order it seals (the cursor's two scalar subqueries are
        // evaluated once, so the row comparison is an index condition); its age by the system clock, which stamped it (Axon's)
        return orNaN(() -> {
            List<String> next = jdbc.queryForList("""
                    SELECT e.time_stamp FROM event_store.domain_event_entry e
                    WHERE (e.tx_id, e.global_index) >
                          ((SELECT coalesce(sealed_tx, '0'::xid8) FROM event_store.audit_sealer WHERE id = 1),
                           (SELECT sealed_index FROM event_store.audit_sealer WHERE id = 1))
                    ORDER BY e.tx_id, e.global_index LIMIT 1""", String.class);
            return next.isEmpty() ? 0.0
                    : Duration.between(Instant.parse(next.get(0)), Instant.now()).toNanos() / 1e9;
        });
    }

    double unpublishedCheckpoints() {
        return orNaN(() -> jdbc.queryForObject(
                "SELECT count(*)::float8 FROM event_store.audit_checkpoint WHERE NOT published", Double.class));
    }

    private static double orNaN(java.util.function.Supplier<Double> read) {
        try {
            Double value = read.get();
            return value == null ? Double.NaN : Math.max(0, value);
        } catch (DataAccessException e) {
            return Double.NaN;
        }
    }
}
