package com.webprometrics.query.billing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads {@code query.invoices_view}, always scoped to one agency. */
@Repository
class InvoiceQueries {
    private static final TypeReference<List<InvoiceView.Line>> LINES = new TypeReference<>() {
    };
    private static final TypeReference<InvoiceView.Party> PARTY = new TypeReference<>() {
    };
    private static final RowMapper<InvoiceSummary> SUMMARY = (rs, n) -> new InvoiceSummary(
            rs.getObject("invoice_id", UUID.class), rs.getString("number"), instant(rs.getTimestamp("issued_at")),
            rs.getString("status"), rs.getString("kind"), rs.getLong("total_cents"), rs.getLong("tax_cents"),
            rs.getString("currency"), instant(rs.getTimestamp("period_start")), instant(rs.getTimestamp("period_end")));

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;

    InvoiceQueries(NamedParameterJdbcTemplate jdbc, @Qualifier("defaultAxonObjectMapper") ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Newest first, {@code limit} at a time; {@code after} is the last invoice of the previous page (keyset paging:
     * an invoice issued meanwhile does not shift the pages). An {@code after} that is not the agency's gives nothing.
     */
    InvoiceSummary.Page list(UUID agencyId, int limit, UUID after) {
        MapSqlParameterSource params = new MapSqlParameterSource("agency", agencyId).addValue("limit", limit + 1);
        String where = " WHERE agency_id = :agency";
        if (after != null) {
            where += " AND (issued_at, invoice_id) < (SELECT a.issued_at, a.invoice_id FROM query.invoices_view a"
                    + " WHERE a.agency_id = :agency AND a.invoice_id = :after)";
            params.addValue("after", after);
        }
        List<InvoiceSummary> rows = jdbc.query("""
                SELECT invoice_id, number, issued_at, status, kind, total_cents, tax_cents, currency, period_start,
                       period_end
                FROM query.invoices_view""" + where + " ORDER BY issued_at DESC, invoice_id DESC LIMIT :limit",
                params, SUMMARY);
        if (rows.size() <= limit) {
            return new InvoiceSummary.Page(rows, null);
        }
        List<InvoiceSummary> page = rows.subList(0, limit);
        return new InvoiceSummary.Page(List.copyOf(page), page.get(limit - 1).id().toString());
    }

    Optional<InvoiceView> find(UUID agencyId, UUID invoiceId) {
        return jdbc.query("""
                        SELECT * FROM query.invoices_view WHERE agency_id = :agency AND invoice_id = :id""",
                new MapSqlParameterSource("agency", agencyId).addValue("id", invoiceId), this::detail)
                .stream().findFirst();
    }

    private InvoiceView detail(ResultSet rs, int n) throws SQLException {
        return new InvoiceView(rs.getObject("invoice_id", UUID.class), rs.getString("number"), rs.getLong("sequence"),
                rs.getString("kind"), rs.getString("status"), instant(rs.getTimestamp("issued_at")),
                instant(rs.getTimestamp("period_start")), instant(rs.getTimestamp("period_end")), rs.getString("plan"),
                rs.getString("currency"), read(rs.getString("lines"), LINES), rs.getLong("subtotal_cents"),
                rs.getInt("tax_rate_basis_points"), rs.getLong("tax_cents"), rs.getLong("total_cents"),
                rs.getBoolean("reverse_charge"), rs.getString("tax_note"),
                read(rs.getString("seller"), PARTY), read(rs.getString("buyer"), PARTY), instant(rs.getTimestamp("paid_at")), rs.getString("payment_intent_id"), rs.getInt("attempts"),
                rs.getString("last_failure"), instant(rs.getTimestamp("next_retry_at")), rs.getLong("refunded_cents"),
                rs.getBoolean("disputed"));
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored invoice's JSON could not be read", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
