package com.webprometrics.command.auth;

import com.webprometrics.platform.web.ProblemException;
import com.webprometrics.platform.web.Problems;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/** An agency's time zone as a request gives it: an IANA region such as Europe/Berlin; none means UTC. */
final class AgencyTimeZone {
    private AgencyTimeZone() {
    }

    static final ZoneId UTC = ZoneId.of("UTC");

    static ZoneId parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return UTC;
        }
        try {
            ZoneId zone = ZoneId.of(value.trim());
            if (zone instanceof ZoneOffset && !zone.equals(ZoneOffset.UTC)) {
                throw new DateTimeException("a fixed offset ignores daylight saving time");
            }
            return zone.equals(ZoneOffset.UTC) ? UTC : zone;
        } catch (DateTimeException e) {
            throw ProblemException.invalidFields(List.of(Problems.fieldError(field,
                    "must be an IANA time zone such as Europe/Berlin or America/New_York")));
        }
    }
}
