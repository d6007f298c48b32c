package com.webprometrics.query.audit;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person in a stored summary, as a placeholder ({@code {user:<id>}}, {@code {invitee:<invitationId>}}) that is
 * resolved from the team read model when the summary is read: names and e-mails stay where erasure blanks them.
 */
final class Person {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(user|invitee):([0-9a-f-]{36})}");

    private Person() {
    }

    static String user(UUID userId) {
        return "{user:" + userId + "}";
    }

    static String invitee(UUID invitationId) {
        return "{invitee:" + invitationId + "}";
    }

    /** The ids of the people each kind of placeholder names in {@code summaries}. */
    static Map<String, Set<UUID>> named(List<String> summaries) {
        Map<String, Set<UUID>> ids = new HashMap<>();
        for (String summary : summaries) {
            Matcher m = PLACEHOLDER.matcher(summary);
            while (m.find()) {
                ids.computeIfAbsent(m.group(1), k -> new LinkedHashSet<>()).add(UUID.fromString(m.group(2)));
            }
        }
        return ids;
    }

    /** The summary with each placeholder replaced by {@code names} (kind, id) → text, or "someone". */
    static String resolve(String summary, Function<String, String> names) {
        if (summary.indexOf('{') < 0) {
            return summary;
        }
        Matcher m = PLACEHOLDER.matcher(summary);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = names.apply(m.group(1) + ":" + m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(name == null ? "someone" : name));
        }
        m.appendTail(out);
        return out.toString();
    }
}
