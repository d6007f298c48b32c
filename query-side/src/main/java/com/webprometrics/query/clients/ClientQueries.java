package com.webprometrics.query.clients;

import com.webprometrics.query.infra.Page;
import com.webprometrics.query.infra.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads {@code query.clients_view}, always scoped to one agency. */
@Repository
class ClientQueries {
    private static final RowMapper<ClientView> ROW = (rs, n) -> new ClientView(
            rs.getObject("client_id", UUID.class), rs.getString("name"), rs.getString("website"),
            rs.getString("industry"), rs.getString("contact_email"), rs.getString("notes"), rs.getString("status"),
            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
            rs.getInt("integration_count"));

    /**
     * The number of integrations that are not disconnected comes from {@code query.integrations_view} (processing
     * group {@code integrations}) at read time; {@code clients_view.integration_count} is not written.
     */
    private static final String SELECT = """
            SELECT c.client_id, c.name, c.website, c.industry, c.contact_email, c.notes, c.status, c.created_at,
                c.updated_at, (SELECT count(*) FROM query.integrations_view i
                               WHERE i.client_id = c.client_id AND i.agency_id = c.agency_id
                                 AND i.status <> 'disconnected') AS integration_count
            FROM query.clients_view c""";

    private final NamedParameterJdbcTemplate jdbc;

    ClientQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Page<ClientView> list(UUID agencyId, String status, String search, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE agency_id = :agency");
        MapSqlParameterSource params = new MapSqlParameterSource("agency", agencyId)
                .addValue("limit", page.size()).addValue("offset", page.offset());
        if (status != null) {
            where.append(" AND status = :status");
            params.addValue("status", status);
        }
        if (search != null && !search.isBlank()) {
            where.append(" AND (name ILIKE :q OR website ILIKE :q OR industry ILIKE :q OR contact_email ILIKE :q)");
            params.addValue("q", "%" + escapeLike(search.trim()) + "%");
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM query.clients_view" + where, params, Long.class);
        List<ClientView> items = jdbc.query(SELECT + where
                + " ORDER BY lower(name), client_id LIMIT :limit OFFSET :offset", params, ROW);
        return new Page<>(items, page.page(), page.size(), total == null ? 0 : total);
    }

    Optional<ClientView> find(UUID agencyId, UUID clientId) {
        return jdbc.query(SELECT + " WHERE agency_id = :agency AND client_id = :id",
                new MapSqlParameterSource("agency", agencyId).addValue("id", clientId), ROW).stream().findFirst();
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
