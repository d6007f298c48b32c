package com.webprometrics.query.reports;

import com.webprometrics.query.infra.Page;
import com.webprometrics.query.infra.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads the reports read models, always scoped to one agency. Deleted reports are not found. */
@Repository
class ReportQueries {
    private static final String REPORT_SELECT = """
            SELECT r.*, c.name AS client_name FROM query.reports_view r
            LEFT JOIN query.clients_view c ON c.client_id = r.client_id AND c.agency_id = r.agency_id""";
    private static final String DELIVERY_SELECT = """
            SELECT d.*, r.title AS report_title FROM query.report_deliveries_view d
            LEFT JOIN query.reports_view r ON r.report_id = d.report_id AND r.agency_id = d.agency_id""";

    private static final RowMapper<ReportView> REPORT = (rs, n) -> new ReportView(
            rs.getObject("report_id", UUID.class), rs.getObject("client_id", UUID.class), rs.getString("client_name"),
            rs.getString("title"), strings(rs.getArray("metrics")), date(rs, "from_date"), date(rs, "to_date"),
            rs.getString("range_key"),
            rs.getString("schedule_frequency") == null ? null : new ReportView.Schedule(rs.getString("schedule_frequency"),
                    rs.getString("schedule_format"), strings(rs.getArray("schedule_recipients"))),
            rs.getString("time_zone"), instant(rs, "created_at"), rs.getObject("created_by", UUID.class),
            instant(rs, "updated_at"), instant(rs, "last_delivered_at"));

    private static final RowMapper<DeliveryView> DELIVERY = (rs, n) -> {
        UUID id = rs.getObject("delivery_id", UUID.class);
        UUID reportId = rs.getObject("report_id", UUID.class);
        String status = rs.getString("status");
        return new DeliveryView(id, reportId, rs.getString("report_title"), rs.getObject("client_id", UUID.class),
                rs.getString("trigger"), rs.getString("format"), strings(rs.getArray("recipients")),
                date(rs, "as_of"), status, rs.getInt("attempts"), instant(rs, "requested_at"),
                rs.getObject("requested_by", UUID.class), instant(rs, "delivered_at"), date(rs, "range_from"),
                date(rs, "range_to"), rs.getString("file_name"), rs.getString("sha256"),
                (Long) rs.getObject("size_bytes"), (Long) rs.getObject("data_position"), rs.getString("last_reason"),
                rs.getString("last_error"), instant(rs, "next_attempt_at"),
                "delivered".equals(status) ? "/api/reports/" + reportId + "/deliveries/" + id + "/file" : null);
    };

    private final NamedParameterJdbcTemplate jdbc;

    ReportQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Page<ReportView> list(UUID agencyId, UUID clientId, PageRequest page) {
        String where = " WHERE r.agency_id = :agency AND r.deleted_at IS NULL"
                + (clientId == null ? "" : " AND r.client_id = :client");
        MapSqlParameterSource params = new MapSqlParameterSource("agency", agencyId).addValue("client", clientId)
                .addValue("limit", page.size()).addValue("offset", page.offset());
        Long total = jdbc.queryForObject("SELECT count(*) FROM query.reports_view r" + where, params, Long.class);
        List<ReportView> items = jdbc.query(REPORT_SELECT + where
                + " ORDER BY lower(r.title), r.report_id LIMIT :limit OFFSET :offset", params, REPORT);
        return new Page<>(items, page.page(), page.size(), total == null ? 0 : total);
    }

    Optional<ReportView> find(UUID agencyId, UUID reportId) {
        return jdbc.query(REPORT_SELECT + " WHERE r.agency_id = :agency AND r.report_id = :id AND r.deleted_at IS NULL",
                new MapSqlParameterSource("agency", agencyId).addValue("id", reportId), REPORT).stream().findFirst();
    }

    /** Whether the agency has (or had: deleted reports keep their history) this report. */
    boolean known(UUID agencyId, UUID reportId) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM query.reports_view WHERE agency_id = :agency AND report_id = :id",
                new MapSqlParameterSource("agency", agencyId).addValue("id", reportId), Long.class);
        return n != null && n > 0;
    }

    /**
     * Deliveries, newest first: of one report, or across the agency (optionally one client's, and/or those
     * delivered — or, not delivered, requested — on days {@code from}..{@code to} in the agency's time zone).
     */
    Page<DeliveryView> deliveries(UUID agencyId, UUID reportId, UUID clientId, LocalDate from, LocalDate to,
                                  String status, String zone, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE d.agency_id = :agency");
        MapSqlParameterSource params = new MapSqlParameterSource("agency", agencyId).addValue("zone", zone)
                .addValue("limit", page.size()).addValue("offset", page.offset());
        if (reportId != null) {
            where.append(" AND d.report_id = :report");
            params.addValue("report", reportId);
        }
        if (clientId != null) {
            where.append(" AND d.client_id = :client");
            params.addValue("client", clientId);
        }
        if (from != null) {
            where.append(" AND (coalesce(d.delivered_at, d.requested_at) AT TIME ZONE :zone)::date >= :from");
            params.addValue("from", Date.valueOf(from));
        }
        if (to != null) {
            where.append(" AND (coalesce(d.delivered_at, d.requested_at) AT TIME ZONE :zone)::date <= :to");
            params.addValue("to", Date.valueOf(to));
        }
        if (status != null) {
            where.append(" AND d.status = :status");
            params.addValue("status", status);
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM query.report_deliveries_view d" + where, params, Long.class);
        List<DeliveryView> items = jdbc.query(DELIVERY_SELECT + where
                + " ORDER BY d.requested_at DESC, d.delivery_id LIMIT :limit OFFSET :offset", params, DELIVERY);
        return new Page<>(items, page.page(), page.size(), total == null ? 0 : total);
    }

    Optional<DeliveryView> delivery(UUID agencyId, UUID reportId, UUID deliveryId) {
        return jdbc.query(DELIVERY_SELECT + " WHERE d.agency_id = :agency AND d.report_id = :report AND d.delivery_id = :id",
                new MapSqlParameterSource("agency", agencyId).addValue("report", reportId).addValue("id", deliveryId),
                DELIVERY).stream().findFirst();
    }

    String agencyName(UUID agencyId) {
        return jdbc.query("SELECT name FROM query.agencies_view WHERE agency_id = :agency",
                new MapSqlParameterSource("agency", agencyId), (rs, n) -> rs.getString(1)).stream().findFirst().orElse(null);
    }

    String agencyZone(UUID agencyId) {
        return jdbc.query("SELECT time_zone FROM query.agencies_view WHERE agency_id = :agency",
                new MapSqlParameterSource("agency", agencyId), (rs, n) -> rs.getString(1)).stream().findFirst()
                .orElse("UTC");
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
