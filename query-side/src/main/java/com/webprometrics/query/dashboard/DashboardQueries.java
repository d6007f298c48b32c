package com.webprometrics.query.dashboard;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Reads {@code query.metrics_daily} and {@code query.integrations_view}, always scoped to one agency.
 * Each part of a dashboard is one grouped SQL statement; ratios are derived from the sums in Java.
 */
@Repository
class DashboardQueries {
    private final NamedParameterJdbcTemplate jdbc;

    DashboardQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record OverviewRow(UUID clientId, String name, BigDecimal sessions, BigDecimal conversions, BigDecimal revenue,
                       BigDecimal cost, int total, int healthy, int failing, Instant lastSyncAt) {
    }

    /** The agency's time zone if the client belongs to the agency; empty for another agency's client. */
    Optional<ZoneId> clientZone(UUID agencyId, UUID clientId) {
        return jdbc.query("""
                SELECT coalesce(a.time_zone, 'UTC') FROM query.clients_view c
                LEFT JOIN query.agencies_view a ON a.agency_id = c.agency_id
                WHERE c.client_id = :client AND c.agency_id = :agency""",
                params(agencyId, clientId), (rs, n) -> zone(rs.getString(1))).stream().findFirst();
    }

    ZoneId agencyZone(UUID agencyId) {
        return jdbc.query("SELECT time_zone FROM query.agencies_view WHERE agency_id = :agency",
                new MapSqlParameterSource("agency", agencyId), (rs, n) -> zone(rs.getString(1))).stream().findFirst()
                .orElse(ZoneId.of("UTC"));
    }

    /**
     * A client's sums for a range (and optionally the previous period): totals of each period, per day of
     * the range, and per provider over the range with the currencies seen.
     */
    record RangeSums(MetricSums current, MetricSums previous, Map<LocalDate, MetricSums> daily,
                     Map<String, MetricSums> byProvider, Map<String, TreeSet<String>> currencies) {
    }

    private static final String ROWS = "SELECT date, provider, currency, " + String.join(", ", MetricSums.KEYS) + """

            FROM query.metrics_daily
            WHERE client_id = :client AND agency_id = :agency AND date BETWEEN :lo AND :to""";

    /**
     * Reads the client's rows of both periods once and sums them here: a few hundred narrow rows per month of
     * range, cheaper to add up in Java than to group three ways in SQL.
     */
    RangeSums sums(UUID agencyId, UUID clientId, DateRange range, DateRange previous) {
        RangeSums sums = new RangeSums(new MetricSums(), new MetricSums(), new TreeMap<>(), new TreeMap<>(),
                new TreeMap<>());
        LocalDate from = range.from();
        int metrics = MetricSums.KEYS.size();
        jdbc.query(ROWS, params(agencyId, clientId)
                        .addValue("lo", Date.valueOf(previous == null ? range.from() : previous.from()))
                        .addValue("to", Date.valueOf(range.to())),
                rs -> {
                    LocalDate date = rs.getObject(1, LocalDate.class);
                    boolean current = !date.isBefore(from);
                    MetricSums day = null, provider = null;
                    if (current) {
                        day = sums.daily().computeIfAbsent(date, d -> new MetricSums());
                        String key = rs.getString(2);
                        provider = sums.byProvider().computeIfAbsent(key, k -> new MetricSums());
                        String currency = rs.getString(3);
                        if (currency != null) {
                            sums.currencies().computeIfAbsent(key, k -> new TreeSet<>()).add(currency);
                        }
                    }
                    MetricSums total = current ? sums.current() : sums.previous();
                    for (int i = 0; i < metrics; i++) {
                        long value = rs.getLong(4 + i);
                        boolean wasNull = rs.wasNull();
                        total.add(i, value, wasNull);
                        if (current) {
                            day.add(i, value, wasNull);
                            provider.add(i, value, wasNull);
                        }
                    }
                });
        return sums;
    }

    /** Per provider: the last successful sync and the latest day with data (of any integration, any time). */
    List<ClientDashboard.Freshness> freshness(UUID agencyId, UUID clientId) {
        return jdbc.query("""
                SELECT i.provider, max(i.last_success_at) AS last_sync_at, max(d.data_through) AS data_through
                FROM query.integrations_view i
                LEFT JOIN LATERAL (SELECT max(m.date) AS data_through FROM query.metrics_daily m
                                   WHERE m.integration_id = i.integration_id) d ON true
                WHERE i.client_id = :client AND i.agency_id = :agency
                GROUP BY i.provider ORDER BY i.provider""",
                params(agencyId, clientId),
                (rs, n) -> new ClientDashboard.Freshness(rs.getString("provider"),
                        rs.getTimestamp("last_sync_at") == null ? null : rs.getTimestamp("last_sync_at").toInstant(),
                        rs.getDate("data_through") == null ? null : rs.getDate("data_through").toLocalDate()));
    }

    /** Active clients of the agency with their headline sums for the range and integration health. */
    List<OverviewRow> overview(UUID agencyId, DateRange range) {
        return jdbc.query("""
                SELECT c.client_id, c.name, k.sessions, k.conversions, k.revenue, k.cost,
                       h.total, h.healthy, h.failing, h.last_sync_at
                FROM query.clients_view c
                LEFT JOIN LATERAL (
                    SELECT sum(sessions) AS sessions, sum(conversions) AS conversions, sum(revenue) AS revenue,
                           sum(cost) AS cost
                    FROM query.metrics_daily m
                    WHERE m.client_id = c.client_id AND m.agency_id = c.agency_id AND m.date BETWEEN :from AND :to) k ON true
                LEFT JOIN LATERAL (
                    SELECT count(*) FILTER (WHERE status <> 'disconnected')          AS total,
                           count(*) FILTER (WHERE status IN ('connected', 'syncing')) AS healthy,
                           count(*) FILTER (WHERE status = 'error')                  AS failing,
                           max(last_sync_at)                                         AS last_sync_at
                    FROM query.integrations_view i
                    WHERE i.client_id = c.client_id AND i.agency_id = c.agency_id) h ON true
                WHERE c.agency_id = :agency AND c.status = 'active'
                ORDER BY lower(c.name), c.client_id""",
                new MapSqlParameterSource("agency", agencyId).addValue("from", Date.valueOf(range.from()))
                        .addValue("to", Date.valueOf(range.to())),
                (rs, n) -> new OverviewRow(rs.getObject("client_id", UUID.class), rs.getString("name"),
                        decimal(rs.getBigDecimal("sessions")), decimal(rs.getBigDecimal("conversions")),
                        decimal(rs.getBigDecimal("revenue")), decimal(rs.getBigDecimal("cost")), rs.getInt("total"), rs.getInt("healthy"), rs.getInt("failing"),
                        rs.getTimestamp("last_sync_at") == null ? null : rs.getTimestamp("last_sync_at").toInstant()));
    }

    private static MapSqlParameterSource params(UUID agencyId, UUID clientId) {
        return new MapSqlParameterSource("agency", agencyId).addValue("client", clientId);
    }

    /** A sum of micro-units as the decimal it stands for; null stays null (nothing reported). */
    private static BigDecimal decimal(BigDecimal micros) {
        return micros == null ? null : Micros.toDecimal(micros.toBigIntegerExact());
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? ZoneId.of("UTC") : ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
