package com.webprometrics.command.privacy;

import com.webprometrics.command.infra.tables.CommandTables;
import com.webprometrics.events.privacy.PersonalDataErased;
import com.webprometrics.platform.privacy.PersonalDataCipher;
import com.webprometrics.platform.privacy.SubjectKeys;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What an erasure does on the command side, in the transaction that records it: the subjects' keys are destroyed
 * (their data in every event reads as erased from the commit on), an erased member's sign-in e-mail is released,
 * snapshots that may hold the data decrypted are dropped (the aggregates load from their events again), and the
 * aggregate caches are emptied.
 */
@Component
@ProcessingGroup(CommandTables.GROUP)
class ErasureEffects {
    private final SubjectKeys keys;
    private final JdbcTemplate jdbc;
    private final List<Cache> caches;

    ErasureEffects(SubjectKeys keys, JdbcTemplate jdbc, List<Cache> caches) {
        this.keys = keys;
        this.jdbc = jdbc;
        this.caches = caches;
    }

    @EventHandler
    void on(PersonalDataErased event) {
        // one pass over the event store finds every aggregate whose events hold one of the subjects' values
        List<Object> markers = event.subjects().stream().map(ErasureEffects::marker).map(m -> (Object) m).toList();
        String anyMarker = String.join(" OR ", java.util.Collections.nCopies(markers.size(),
                "position(?::bytea IN payload) > 0 OR position(?::bytea IN coalesce(meta_data, ''::bytea)) > 0"));
        List<Object> args = new java.util.ArrayList<>();
        markers.forEach(m -> {
            args.add(m);
            args.add(m);
        });
        jdbc.update("DELETE FROM event_store.snapshot_event_entry WHERE aggregate_identifier IN (SELECT DISTINCT "
                + "aggregate_identifier FROM event_store.domain_event_entry WHERE " + anyMarker + ")", args.toArray());
        keys.destroy(event.subjects());
        if (event.subjectType().equals("user")) {
            release(event.subjectId().toString());
        } else if (event.subjectType().equals("agency")) {
            jdbc.queryForList("SELECT user_id::text FROM command.user_accounts WHERE agency_id = ?", String.class,
                    event.agencyId()).forEach(this::release);
        }
        caches.forEach(Cache::removeAll);
    }

    /** The member's e-mail no longer names an account (it may sign up again); the account cannot sign in. */
    private void release(String userId) {
        jdbc.update("UPDATE command.credentials SET email = 'erased-' || user_id || '@erased.invalid', "
                + "password_hash = '!' WHERE user_id = ?::uuid", userId);
        jdbc.update("UPDATE command.user_accounts SET email = ? WHERE user_id = ?::uuid", PersonalDataCipher.ERASED, userId);
    }

    private static byte[] marker(String subject) {
        return (PersonalDataCipher.PREFIX + subject + ":").getBytes(StandardCharsets.UTF_8);
    }
}
