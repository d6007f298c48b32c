package com.webprometrics.query.dashboard;

import com.webprometrics.events.catalogue.Metric;
import com.webprometrics.events.integrations.DailyMetricsRecorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code query.metrics_daily}: one row per integration and day. A {@link DailyMetricsRecorded} replaces the
 * whole row of its integration and day (a metric it does not mention becomes NULL).
 *
 * <p>Writes are batched: the handler only buffers the event in a resource of the (batching) unit of work;
 * just before that unit of work commits, the whole Axon batch is written with one
 * {@code INSERT … SELECT FROM unnest(arrays) ON CONFLICT DO UPDATE} in the processor's transaction. Within a
 * batch the last event for a key wins, and a row only ever takes an event at a later global position than the
 * one it holds, so the outcome equals applying the events one by one, and redelivered or replayed events
 * change nothing.
 */
@Component
@ProcessingGroup(MetricsProjection.PROCESSOR)
class MetricsProjection {
    static final String PROCESSOR = "metrics";
    private static final Logger log = LoggerFactory.getLogger(MetricsProjection.class);
    private static final String BUFFER = MetricsProjection.class.getName() + ".buffer";
    private static final String UPSERT = upsert();

    private final JdbcTemplate jdbc;

    MetricsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Day(UUID integrationId, LocalDate date) {
    }

    /** A recorded day and the global position of its event. */
    record Row(DailyMetricsRecorded event, long position) {
    }

    @EventHandler
    void on(DailyMetricsRecorded e, TrackingToken token) {
        buffer().put(new Day(e.integrationId(), e.date()), new Row(e, positionOf(token)));
    }

    private static long positionOf(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("metrics need a positioned token"));
    }

    @ResetHandler
    void reset() {
        jdbc.update("TRUNCATE query.metrics_daily");
    }

    private Map<Day, Row> buffer() {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("DailyMetricsRecorded handled outside a unit of work");
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BUFFER, key -> {
            Map<Day, Row> days = new LinkedHashMap<>();
            unitOfWork.onPrepareCommit(u -> jdbc.execute((Connection c) -> write(c, days.values())));
            return days;
        });
    }

    /** Upserts the rows of these events (at most one per integration and day) on the given connection. */
    static Void write(Connection c, Collection<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return null;
        }
        int n = rows.size();
        int metrics = MetricSums.KEYS.size();
        UUID[] integrations = new UUID[n], agencies = new UUID[n], clients = new UUID[n];
        String[] providers = new String[n], dates = new String[n], currencies = new String[n];
        Long[] positions = new Long[n];
        Long[][] values = new Long[metrics][n];
        int row = 0;
        for (Row r : rows) {
            DailyMetricsRecorded e = r.event();
            positions[row] = r.position();
            integrations[row] = e.integrationId();
            agencies[row] = e.agencyId();
            clients[row] = e.clientId();
            providers[row] = e.provider();
            dates[row] = e.date().toString();
            currencies[row] = e.currency();
            if (e.metrics() != null) {
                for (Map.Entry<String, BigDecimal> metric : e.metrics().entrySet()) {
                    Integer column = MetricSums.INDEX.get(metric.getKey());
                    if (column == null || !Metric.inRange(metric.getValue())) {
                        log.warn("Ignoring metric {} of integration {} on {}: not in the vocabulary or out of range",
                                metric.getKey(), e.integrationId(), e.date());
                        continue;
                    }
                    values[column][row] = Micros.of(metric.getValue());
                }
            }
            row++;
        }
        try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
            int p = 1;
            upsert.setArray(p++, c.createArrayOf("uuid", integrations));
            upsert.setArray(p++, c.createArrayOf("text", dates));
            upsert.setArray(p++, c.createArrayOf("uuid", agencies));
            upsert.setArray(p++, c.createArrayOf("uuid", clients));
            upsert.setArray(p++, c.createArrayOf("text", providers));
            upsert.setArray(p++, c.createArrayOf("text", currencies));
            upsert.setArray(p++, c.createArrayOf("int8", positions));
            for (Long[] column : values) {
                upsert.setArray(p++, c.createArrayOf("int8", column));
            }
            upsert.executeUpdate();
        }
        return null;
    }

    private static String upsert() {
        List<String> metrics = MetricSums.KEYS;
        String columns = String.join(", ", metrics);
        StringBuilder arrays = new StringBuilder("?::uuid[], ?::text[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::int8[]");
        metrics.forEach(m -> arrays.append(", ?::int8[]"));
        StringBuilder updates = new StringBuilder("agency_id = excluded.agency_id, client_id = excluded.client_id, "
                + "provider = excluded.provider, currency = excluded.currency, position = excluded.position");
        metrics.forEach(m -> updates.append(", ").append(m).append(" = excluded.").append(m));
        return "INSERT INTO query.metrics_daily (integration_id, date, agency_id, client_id, provider, currency, position, "
                + columns + ")\nSELECT i, d::date, a, cl, p, cu, pos, " + columns + "\nFROM unnest(" + arrays
                + ") AS r(i, d, a, cl, p, cu, pos, " + columns + ")\nON CONFLICT (integration_id, date) DO UPDATE SET "
                + updates + "\nWHERE query.metrics_daily.position < excluded.position";
    }
}
