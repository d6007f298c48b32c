package com.webprometrics.command.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webprometrics.localpg.TestDatabase;
import com.webprometrics.platform.privacy.PersonalDataCipher;
import com.webprometrics.platform.privacy.PersonalDataReader;
import com.webprometrics.platform.privacy.SubjectKeys;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events stored before personal data was sealed are sealed once by migration V20, before the audit log's first pass:
 * afterwards their stored bytes hold no personal value in clear, every value opens to what it was, the rest of each
 * event is unchanged, and events without personal data are left byte for byte.
 */
class EarlierEventsMigrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void earlierEventsArePersonalDataSealedInPlaceBeforeTheFirstSeal() throws Exception {
        TestDatabase db = TestDatabase.shared("wpm_pd_migration_test");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.url(), db.user(), db.password());
        flyway(dataSource, "19").migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        UUID agency = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        insert(jdbc, user.toString(), "com.webprometrics.events.auth.UserRegistered", "UserAccount",
                "{\"userId\":\"%s\",\"agencyId\":\"%s\",\"email\":\"dana@agency.test\",\"name\":\"Dana Lee\",\"role\":\"OWNER\",\"invitationId\":null}"
                        .formatted(user, agency),
                "{\"userId\":\"%s\",\"agencyId\":\"%s\",\"clientIp\":\"203.0.113.9\",\"userAgent\":\"Firefox\",\"correlationId\":\"c1\"}"
                        .formatted(user, agency));
        insert(jdbc, client.toString(), "com.webprometrics.events.clients.ClientCreated", "Client",
                "{\"clientId\":\"%s\",\"agencyId\":\"%s\",\"name\":\"Acme\",\"website\":null,\"industry\":null,\"contactEmail\":\"jo@acme.test\",\"notes\":null}"
                        .formatted(client, agency), "{\"agencyId\":\"%s\"}".formatted(agency));
        String archived = "{\"clientId\":\"%s\",\"agencyId\":\"%s\"}".formatted(client, agency);
        insert(jdbc, client.toString(), "com.webprometrics.events.clients.ClientArchived", "Client", archived,
                "{\"agencyId\":\"%s\"}".formatted(agency));

        flyway(dataSource, "latest").migrate();

        String userPayload = stored(jdbc, "payload", user.toString(), 0);
        String userMeta = stored(jdbc, "meta_data", user.toString(), 0);
        assertThat(userPayload).doesNotContain("dana@agency.test").doesNotContain("Dana Lee").contains("\"role\":\"OWNER\"");
        assertThat(userMeta).doesNotContain("203.0.113.9").doesNotContain("Firefox").contains("\"correlationId\":\"c1\"");
        assertThat(stored(jdbc, "payload", client.toString(), 0)).doesNotContain("jo@acme.test").contains("\"name\":\"Acme\"");
        assertThat(stored(jdbc, "payload", client.toString(), 1)).isEqualTo(archived);

        PersonalDataReader reader = new PersonalDataReader(new SubjectKeys(jdbc));
        JsonNode opened = JSON.readTree(userPayload);
        reader.reveal(opened);
        assertThat(opened.get("email").asText()).isEqualTo("dana@agency.test");
        assertThat(opened.get("name").asText()).isEqualTo("Dana Lee");
        JsonNode meta = JSON.readTree(userMeta);
        assertThat(meta.get("clientIp").asText()).startsWith(PersonalDataCipher.PREFIX + "user:" + user);
        reader.reveal(meta);
        assertThat(meta.get("clientIp").asText()).isEqualTo("203.0.113.9");
        assertThat(jdbc.queryForObject("SELECT agency_id FROM privacy.subject_keys WHERE subject = ?", UUID.class,
                "client-contact:" + client)).isEqualTo(agency);
        // the sealer has not run: its first pass will seal these bytes
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_store.audit_leaf", Long.class)).isZero();
    }

    private static Flyway flyway(DriverManagerDataSource dataSource, String target) {
        return Flyway.configure().dataSource(dataSource).schemas("command", "event_store", "privacy")
                .defaultSchema("command").locations("classpath:db/event-store", "classpath:db/command")
                .target(target).load();
    }

    private static void insert(JdbcTemplate jdbc, String aggregate, String type, String aggregateType, String payload,
                               String meta) {
        Long sequence = jdbc.queryForObject("SELECT count(*) FROM event_store.domain_event_entry "
                + "WHERE aggregate_identifier = ?", Long.class, aggregate);
        jdbc.update("INSERT INTO event_store.domain_event_entry (event_identifier, meta_data, payload, payload_type, "
                        + "time_stamp, aggregate_identifier, sequence_number, type) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), meta.getBytes(StandardCharsets.UTF_8), payload.getBytes(StandardCharsets.UTF_8),
                type, "2026-01-01T00:00:00Z", aggregate, sequence, aggregateType);
    }

    private static String stored(JdbcTemplate jdbc, String column, String aggregate, long sequence) {
        return new String(jdbc.queryForObject("SELECT " + column + " FROM event_store.domain_event_entry "
                + "WHERE aggregate_identifier = ? AND sequence_number = ?", byte[].class, aggregate, sequence),
                StandardCharsets.UTF_8);
    }
}
