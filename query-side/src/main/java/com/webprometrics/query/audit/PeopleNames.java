package com.webprometrics.query.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Resolves the {@link Person} placeholders of a page of summaries with one query per kind of person. */
@Component
class PeopleNames {
    private final JdbcTemplate jdbc;

    PeopleNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A function that turns each of {@code summaries} (and any other of the same people) into readable text. */
    UnaryOperator<String> resolver(UUID agencyId, List<String> summaries) {
        Map<String, Set<UUID>> named = Person.named(summaries);
        if (named.isEmpty()) {
            return UnaryOperator.identity();
        }
        Map<String, String> names = new HashMap<>();
        load(names, "user", "SELECT user_id, name FROM query.users_view WHERE agency_id = ? AND user_id = ANY (?)",
                agencyId, named.get("user"));
        load(names, "invitee", "SELECT invitation_id, email FROM query.invitations_view WHERE agency_id = ? "
                + "AND invitation_id = ANY (?)", agencyId, named.get("invitee"));
        return summary -> Person.resolve(summary, names::get);
    }

    private void load(Map<String, String> names, String kind, String sql, UUID agencyId, Set<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            return;
        }
        jdbc.query(sql, rs -> {
            names.put(kind + ":" + rs.getObject(1, UUID.class), rs.getString(2));
        }, agencyId, ids.toArray(UUID[]::new));
    }
}
