package com.webprometrics.query.dashboard;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

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
                       BigDecimal cost, List<String> currencies, int total, int healthy, int failing,
                       Instant lastSyncAt) {
    }

    /** What a dashboard needs besides the sums: the agency's time zone and each provider's freshness. */
    record ClientContext(ZoneId zone, List<ClientDashboard.Freshness> freshness) {
    }

    /**
     * The client's context in one statement; empty for another agency's or an unknown client. Freshness per
     * provider: the last successful sync and the latest day with data (of any integration, any time).
     */
    Optional<ClientContext> clientContext(UUID agencyId, UUID clientId) {
        List<ClientContext> found = new ArrayList<>(1);
        jdbc.query("""
                SELECT coalesce(a.time_zone, 'UTC') AS zone, f.provider, f.last_sync_at, f.data_through
                FROM query.clients_view c
                LEFT JOIN query.agencies_view a ON a.agency_id = c.agency_id
                LEFT JOIN LATERAL (
                    SELECT i.provider, max(i.last_success_at) AS last_sync_at, max(d.data_through) AS data_through
                    FROM query.integrations_view i
                    LEFT JOIN LATERAL (SELECT max(m.date) AS data_through FROM query.metrics_daily m
                                       WHERE m.integration_id = i.integration_id) d ON true
                    WHERE i.client_id = c.client_id AND i.agency_id = c.agency_id
                    GROUP BY i.provider) f ON true
                WHERE c.client_id = :client AND c.agency_id = :agency
                ORDER BY f.provider""",
                params(agencyId, clientId), rs -> {
                    if (found.isEmpty()) {
                        found.add(new ClientContext(zone(rs.getString("zone")), new ArrayList<>()));
                    }
                    if (rs.getString("provider") != null) {
                        found.get(0).freshness().add(new ClientDashboard.Freshness(rs.getString("provider"),
                                rs.getTimestamp("last_sync_at") == null ? null : rs.getTimestamp("last_sync_at").toInstant(),
                                rs.getDate("data_through") == null ? null : rs.getDate("data_through").toLocalDate()));
                    }
                });
        return found.stream().findFirst();
    }

    ZoneId agencyZone(UUID agencyId) {
        return jdbc.query("SELECT time_zone FROM query.agencies_view WHERE agency_id = :agency",
                new MapSqlParameterSource("agency", agencyId), (rs, n) -> zone(rs.getString(1))).stream().findFirst()
                .orElse(ZoneId.of("UTC"));
    }

    /**
     * A client's sums for a range (and optionally the previous period): totals of each period, per day of
     * the range, per provider over the range, and the currencies seen in either period.
     */
    record RangeSums(MetricSums current, MetricSums previous, Map<LocalDate, MetricSums> daily,
                     Map<String, MetricSums> byProvider, TreeSet<String> currencies) {
    }

    private static final String SUMS = "SELECT grouping(date) AS by_provider, date, provider, current, "
            + "array_agg(DISTINCT currency) FILTER (WHERE currency IS NOT NULL) AS currencies, "
            + MetricSums.KEYS.stream().map(k -> "sum(" + k + ")").collect(Collectors.joining(", ")) + """

            FROM (SELECT *, date >= :from AS current FROM query.metrics_daily
                  WHERE client_id = :client AND agency_id = :agency AND date BETWEEN :lo AND :to) m
            GROUP BY GROUPING SETS ((date), (provider, current))""";
    private static final int FIRST_SUM = 6;

    /**
     * One statement: PostgreSQL sums the client's rows of both periods per day (across providers) and per provider
     * and period, so a year with its previous year is about 735 rows to read instead of 3,650. Period totals are the
     * sums of the days. (Grouping by currency instead of {@code array_agg(DISTINCT)} makes PostgreSQL hash the sets:
     * measured 2.7× slower for 30 days.)
     */
    RangeSums sums(UUID agencyId, UUID clientId, DateRange range, DateRange previous) {
        RangeSums sums = new RangeSums(new MetricSums(), new MetricSums(), new TreeMap<>(), new TreeMap<>(),
                new TreeSet<>());
        LocalDate from = range.from();
        int metrics = MetricSums.KEYS.size();
        jdbc.query(SUMS, params(agencyId, clientId).addValue("from", Date.valueOf(from))
                        .addValue("lo", Date.valueOf(previous == null ? from : previous.from()))
                        .addValue("to", Date.valueOf(range.to())),
                rs -> {
                    MetricSums target;
                    MetricSums total = null;
                    if (rs.getInt("by_provider") == 1) {
                        sums.currencies().addAll(strings(rs.getArray("currencies")));
                        if (!rs.getBoolean("current")) {
                            return;
                        }
                        target = sums.byProvider().computeIfAbsent(rs.getString("provider"), k -> new MetricSums());
                    } else {
                        LocalDate date = rs.getObject("date", LocalDate.class);
                        boolean current = !date.isBefore(from);
                        target = current ? sums.daily().computeIfAbsent(date, d -> new MetricSums()) : null;
                        total = current ? sums.current() : sums.previous();
                    }
                    for (int i = 0; i < metrics; i++) {
                        BigDecimal sum = rs.getBigDecimal(FIRST_SUM + i);
                        if (sum != null) {
                            if (target != null) {
                                target.add(i, sum);
                            }
                            if (total != null) {
                                total.add(i, sum);
                            }
                        }
                    }
                });
        return sums;
    }

    /** Active clients of the agency with their headline sums for the range and integration health. */
    List<OverviewRow> overview(UUID agencyId, DateRange range) {
        return jdbc.query("""
                SELECT c.client_id, c.name, k.sessions, k.conversions, k.revenue, k.cost, k.currencies,
                       h.total, h.healthy, h.failing, h.last_sync_at
                FROM query.clients_view c
                LEFT JOIN LATERAL (
                    SELECT sum(sessions) AS sessions, sum(conversions) AS conversions, sum(revenue) AS revenue,
                           sum(cost) AS cost,
                           array_agg(DISTINCT currency ORDER BY currency) FILTER (WHERE currency IS NOT NULL) AS currencies
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
                        decimal(rs.getBigDecimal("revenue")), decimal(rs.getBigDecimal("cost")),
                        strings(rs.getArray("currencies")), rs.getInt("total"), rs.getInt("healthy"), rs.getInt("failing"),
                        rs.getTimestamp("last_sync_at") == null ? null : rs.getTimestamp("last_sync_at").toInstant()));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
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
