package com.webprometrics.command.integrations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webprometrics.command.infra.tables.CommandTables;
import com.webprometrics.command.infra.tables.EventFedTable;
import com.webprometrics.events.integrations.IntegrationAuthorized;
import com.webprometrics.events.integrations.IntegrationConnected;
import com.webprometrics.events.integrations.IntegrationDisconnected;
import com.webprometrics.events.integrations.IntegrationRequested;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code command.integration_directory}: what the command side's processes need to act on an integration without
 * loading it — its agency, client, provider, settings, time zone and whether it is live. Kept from the
 * integration's events; the aggregate stays the judge of every command.
 */
@Component
@ProcessingGroup(CommandTables.GROUP)
public class IntegrationDirectory implements EventFedTable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JdbcTemplate jdbc;

    IntegrationDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Entry(UUID integrationId, UUID agencyId, UUID clientId, String provider, Map<String, String> settings,
                        String timeZone, String status) {
    }

    @Override
    public List<String> tables() {
        return List.of("command.integration_directory");
    }

    /** The caller's integration; another agency's does not exist as far as the caller can tell. */
    public Entry require(UUID integrationId, UUID agencyId) {
        return find(integrationId).filter(e -> e.agencyId().equals(agencyId))
                .orElseThrow(IntegrationRejection.NOT_FOUND::get);
    }

    public Optional<Entry> find(UUID integrationId) {
        return jdbc.query("SELECT integration_id, agency_id, client_id, provider, settings, time_zone, status "
                        + "FROM command.integration_directory WHERE integration_id = ?",
                (rs, n) -> new Entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getString(4), settings(rs.getString(5)), rs.getString(6), rs.getString(7)),
                integrationId).stream().findFirst();
    }

    @EventHandler
    void on(IntegrationConnected e) {
        insert(e.integrationId(), e.agencyId(), e.clientId(), e.provider(), e.settings(), e.timeZone(), "connected");
    }

    @EventHandler
    void on(IntegrationRequested e) {
        insert(e.integrationId(), e.agencyId(), e.clientId(), e.provider(), e.settings(), e.timeZone(), "pending");
    }

    @EventHandler
    void on(IntegrationAuthorized e) {
        status(e.integrationId(), "connected");
    }

    @EventHandler
    void on(IntegrationDisconnected e) {
        status(e.integrationId(), "disconnected");
    }

    private void insert(UUID id, UUID agency, UUID client, String provider, Map<String, String> settings, String zone,
                        String status) {
        jdbc.update("INSERT INTO command.integration_directory (integration_id, agency_id, client_id, provider, settings, "
                + "time_zone, status) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?)", id, agency, client, provider,
                json(settings == null ? Map.of() : settings), zone, status);
    }

    private void status(UUID id, String status) {
        jdbc.update("UPDATE command.integration_directory SET status = ? WHERE integration_id = ?", status, id);
    }

    private static String json(Map<String, String> settings) {
        try {
            return JSON.writeValueAsString(new java.util.TreeMap<>(settings));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> settings(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
