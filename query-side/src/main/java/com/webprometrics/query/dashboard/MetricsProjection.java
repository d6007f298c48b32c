package com.webprometrics.query.dashboard;

import com.webprometrics.events.integrations.DailyMetricsRecorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code query.metrics_daily}: one row per integration, day and metric. A {@link DailyMetricsRecorded}
 * replaces everything recorded before for its integration and day.
 *
 * <p>Writes are batched: the handler only buffers the event in a resource of the (batching) unit of work;
 * just before that unit of work commits, the whole Axon batch is flushed with two statements — one
 * {@code DELETE} of the batch's (integration, day) keys and one {@code INSERT … SELECT FROM unnest(arrays)}
 * of their rows — in the processor's transaction. Within a batch the last event for a key wins, so the
 * outcome equals applying the events one by one; a redelivered batch deletes and re-inserts the same rows.
 */
@Component
@ProcessingGroup("metrics")
class MetricsProjection {
    private static final String BUFFER = MetricsProjection.class.getName() + ".buffer";
    private final JdbcTemplate jdbc;

    MetricsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Day(UUID integrationId, LocalDate date) {
    }

    @EventHandler
    void on(DailyMetricsRecorded e) {
        buffer().put(new Day(e.integrationId(), e.date()), e);
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE query.metrics_daily");
    }

    private Map<Day, DailyMetricsRecorded> buffer() {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("DailyMetricsRecorded handled outside a unit of work");
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BUFFER, key -> {
            Map<Day, DailyMetricsRecorded> days = new LinkedHashMap<>();
            unitOfWork.onPrepareCommit(u -> flush(days));
            return days;
        });
    }

    void flush(Map<Day, DailyMetricsRecorded> days) {
        if (days.isEmpty()) {
            return;
        }
        int n = days.size();
        String[] keyIntegrations = new String[n];
        String[] keyDates = new String[n];
        List<String> agencies = new ArrayList<>(), clients = new ArrayList<>(), integrations = new ArrayList<>(),
                providers = new ArrayList<>(), dates = new ArrayList<>(), metrics = new ArrayList<>(),
                values = new ArrayList<>(), currencies = new ArrayList<>();
        int i = 0;
        for (DailyMetricsRecorded e : days.values()) {
            keyIntegrations[i] = e.integrationId().toString();
            keyDates[i] = e.date().toString();
            i++;
            if (e.metrics() == null) {
                continue;
            }
            for (Map.Entry<String, BigDecimal> metric : e.metrics().entrySet()) {
                if (metric.getKey() == null || metric.getValue() == null) {
                    continue;
                }
                agencies.add(e.agencyId().toString());
                clients.add(e.clientId().toString());
                integrations.add(e.integrationId().toString());
                providers.add(e.provider());
                dates.add(e.date().toString());
                metrics.add(metric.getKey());
                values.add(metric.getValue().toPlainString());
                currencies.add(e.currency());
            }
        }
        jdbc.execute((Connection c) -> {
            try (PreparedStatement delete = c.prepareStatement("""
                    DELETE FROM query.metrics_daily m
                    USING unnest(?::text[], ?::text[]) AS k(integration_id, date)
                    WHERE m.integration_id = k.integration_id::uuid AND m.date = k.date::date""")) {
                delete.setArray(1, c.createArrayOf("text", keyIntegrations));
                delete.setArray(2, c.createArrayOf("text", keyDates));
                delete.executeUpdate();
            }
            if (metrics.isEmpty()) {
                return null;
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO query.metrics_daily (agency_id, client_id, integration_id, provider, date, metric, value, currency)
                    SELECT a::uuid, cl::uuid, i::uuid, p, d::date, m, v::numeric, cu
                    FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                        AS r(a, cl, i, p, d, m, v, cu)""")) {
                Array[] arrays = {array(c, agencies), array(c, clients), array(c, integrations), array(c, providers),
                        array(c, dates), array(c, metrics), array(c, values), array(c, currencies)};
                for (int p = 0; p < arrays.length; p++) {
                    insert.setArray(p + 1, arrays[p]);
                }
                insert.executeUpdate();
            }
            return null;
        });
    }

    private static Array array(Connection c, List<String> values) throws java.sql.SQLException {
        return c.createArrayOf("text", values.toArray(String[]::new));
    }
}
