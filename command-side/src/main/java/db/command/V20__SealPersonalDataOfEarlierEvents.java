package db.command;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.webprometrics.command.privacy.PersonalFields;
import com.webprometrics.platform.privacy.SubjectKeys;
import org.axonframework.messaging.MetaData;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Events stored before personal data was sealed (issue 12) get their personal fields sealed now, by the rules new
 * events are stored with ({@link PersonalFields}), in place: once, in the migration that precedes the sealer's first
 * pass, so the audit log's leaves commit to the sealed bytes from its first checkpoint on. Snapshots are dropped
 * (they held the same data in clear; aggregates load from their events again).
 */
public class V20__SealPersonalDataOfEarlierEvents extends BaseJavaMigration {
    private static final int PAGE = 2_000;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(V20__SealPersonalDataOfEarlierEvents.class);
    private final ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Override
    public void migrate(Context context) throws IOException {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        PersonalFields fields = new PersonalFields(new SubjectKeys(jdbc));
        long after = 0;
        while (true) {
            List<Object[]> page = jdbc.query("SELECT global_index, payload_type, payload, meta_data "
                    + "FROM event_store.domain_event_entry WHERE global_index > ? ORDER BY global_index LIMIT ?",
                    (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4)}, after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            List<Object[]> updates = new ArrayList<>();
            for (Object[] row : page) {
                byte[] payload = seal(fields, payloadClass((String) row[1]), (byte[]) row[2]);
                byte[] metaData = seal(fields, MetaData.class, (byte[]) row[3]);
                if (payload != null || metaData != null) {
                    updates.add(new Object[] {payload != null ? payload : row[2], metaData != null ? metaData : row[3],
                            row[0]});
                }
            }
            jdbc.batchUpdate("UPDATE event_store.domain_event_entry SET payload = ?, meta_data = ? WHERE global_index = ?",
                    updates);
            after = (long) page.get(page.size() - 1)[0];
        }
        jdbc.update("DELETE FROM event_store.snapshot_event_entry");
    }

    /** The sealed bytes, or null when nothing in them is personal (the row stays as it is). */
    private byte[] seal(PersonalFields fields, Class<?> type, byte[] stored) throws IOException {
        if (type == null || stored == null || stored.length == 0) {
            return null;
        }
        JsonNode tree = json.readTree(stored);
        if (!(tree instanceof ObjectNode object) || !fields.seal(type, object)) {
            return null;
        }
        return json.writeValueAsBytes(object);
    }

    private static Class<?> payloadClass(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException gone) {
            log.warn("Events of type {} are no class of this release: their payloads were left as they are", name);
            return null;
        }
    }
}
