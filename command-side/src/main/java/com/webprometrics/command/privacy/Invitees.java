package com.webprometrics.command.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webprometrics.platform.privacy.PersonalDataReader;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Every invitation an agency sent to a member's address (each sealed under its own key, before the person had an
 * account): a member's erasure destroys those keys too, not only the one of the invitation they joined through.
 */
@Component
class Invitees {
    private final JdbcTemplate jdbc;
    private final PersonalDataReader personalData;
    private final ObjectMapper json;

    Invitees(JdbcTemplate jdbc, PersonalDataReader personalData, @Qualifier("defaultAxonObjectMapper") ObjectMapper json) {
        this.jdbc = jdbc;
        this.personalData = personalData;
        this.json = json;
    }

    /** {@code invitation:<id>} for each of the agency's invitations to the member's current address. */
    List<String> invitationsOf(UUID agencyId, UUID userId) {
        List<String> address = jdbc.queryForList("SELECT email FROM command.user_accounts WHERE user_id = ? AND agency_id = ?",
                String.class, userId, agencyId);
        if (address.isEmpty()) {
            return List.of();
        }
        String email = address.get(0).toLowerCase(Locale.ROOT);
        List<String> subjects = new ArrayList<>();
        jdbc.query("""
                SELECT payload FROM event_store.domain_event_entry
                WHERE payload_type = 'com.webprometrics.events.team.InvitationIssued'
                  AND convert_from(payload, 'UTF8')::jsonb ->> 'agencyId' = ?""", rs -> {
            try {
                JsonNode invitation = json.readTree(rs.getBytes(1));
                personalData.reveal(invitation);
                if (invitation.path("email").asText().toLowerCase(Locale.ROOT).equals(email)) {
                    subjects.add("invitation:" + invitation.path("invitationId").asText());
                }
            } catch (IOException unreadable) {
                // not an invitation this agency could have sent to anyone
            }
        }, agencyId.toString());
        return subjects;
    }
}
