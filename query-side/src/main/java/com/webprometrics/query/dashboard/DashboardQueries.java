package com.webprometrics.query.dashboard;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** Sums of the current and of the comparison period, per metric. */
    record Totals(Map<String, BigDecimal> current, Map<String, BigDecimal> previous) {
    }

    record ProviderSums(String provider, Map<String, BigDecimal> sums, TreeSet<String> currencies) {
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

    Totals totals(UUID agencyId, UUID clientId, DateRange range, DateRange previous) {
        Map<String, BigDecimal> current = new LinkedHashMap<>();
        Map<String, BigDecimal> before = new LinkedHashMap<>();
        LocalDate lo = previous == null ? range.from() : previous.from();
        jdbc.query("""
                SELECT metric, sum(value) FILTER (WHERE date >= :from) AS current,
                       sum(value) FILTER (WHERE date < :from) AS previous
                FROM query.metrics_daily
                WHERE client_id = :client AND agency_id = :agency AND date BETWEEN :lo AND :to
                  AND metric NOT IN (:derived)
                GROUP BY metric""",
                params(agencyId, clientId).addValue("from", Date.valueOf(range.from())).addValue("lo", Date.valueOf(lo))
                        .addValue("to", Date.valueOf(range.to())).addValue("derived", Metrics.derivedKeys()),
                rs -> {
                    String metric = rs.getString("metric");
                    current.put(metric, orZero(rs.getBigDecimal("current")));
                    before.put(metric, orZero(rs.getBigDecimal("previous")));
                });
        return new Totals(current, before);
    }

    /** Sums per day and metric; days without data are absent. */
    Map<LocalDate, Map<String, BigDecimal>> daily(UUID agencyId, UUID clientId, DateRange range) {
        Map<LocalDate, Map<String, BigDecimal>> days = new LinkedHashMap<>();
        jdbc.query("""
                SELECT date, metric, sum(value) AS total FROM query.metrics_daily
                WHERE client_id = :client AND agency_id = :agency AND date BETWEEN :from AND :to
                  AND metric NOT IN (:derived)
                GROUP BY date, metric ORDER BY date, metric""",
                rangeParams(agencyId, clientId, range),
                rs -> {
                    days.computeIfAbsent(rs.getDate("date").toLocalDate(), d -> new LinkedHashMap<>())
                            .put(rs.getString("metric"), rs.getBigDecimal("total"));
                });
        return days;
    }

    List<ProviderSums> byProvider(UUID agencyId, UUID clientId, DateRange range) {
        Map<String, ProviderSums> providers = new LinkedHashMap<>();
        jdbc.query("""
                SELECT provider, metric, sum(value) AS total, min(currency) AS lo_currency, max(currency) AS hi_currency
                FROM query.metrics_daily
                WHERE client_id = :client AND agency_id = :agency AND date BETWEEN :from AND :to
                  AND metric NOT IN (:derived)
                GROUP BY provider, metric ORDER BY provider, metric""",
                rangeParams(agencyId, clientId, range),
                rs -> {
                    ProviderSums p = providers.computeIfAbsent(rs.getString("provider"),
                            k -> new ProviderSums(k, new LinkedHashMap<>(), new TreeSet<>()));
                    p.sums().put(rs.getString("metric"), rs.getBigDecimal("total"));
                    for (String column : List.of("lo_currency", "hi_currency")) {
                        if (rs.getString(column) != null) {
                            p.currencies().add(rs.getString(column));
                        }
                    }
                });
        return new ArrayList<>(providers.values());
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
                    SELECT sum(value) FILTER (WHERE metric = 'sessions')    AS sessions,
                           sum(value) FILTER (WHERE metric = 'conversions') AS conversions,
                           sum(value) FILTER (WHERE metric = 'revenue')     AS revenue,
                           sum(value) FILTER (WHERE metric = 'cost')        AS cost
                    FROM query.metrics_daily m
                    WHERE m.client_id = c.client_id AND m.agency_id = c.agency_id AND m.date BETWEEN :from AND :to
                      AND m.metric IN ('sessions', 'conversions', 'revenue', 'cost')) k ON true
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
                        rs.getBigDecimal("sessions"), rs.getBigDecimal("conversions"), rs.getBigDecimal("revenue"),
                        rs.getBigDecimal("cost"), rs.getInt("total"), rs.getInt("healthy"), rs.getInt("failing"),
                        rs.getTimestamp("last_sync_at") == null ? null : rs.getTimestamp("last_sync_at").toInstant()));
    }

    private static MapSqlParameterSource params(UUID agencyId, UUID clientId) {
        return new MapSqlParameterSource("agency", agencyId).addValue("client", clientId);
    }

    private static MapSqlParameterSource rangeParams(UUID agencyId, UUID clientId, DateRange range) {
        return params(agencyId, clientId).addValue("from", Date.valueOf(range.from())).addValue("to", Date.valueOf(range.to()))
                .addValue("derived", Metrics.derivedKeys());
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? ZoneId.of("UTC") : ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
