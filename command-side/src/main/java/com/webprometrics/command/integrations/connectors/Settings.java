package com.webprometrics.command.integrations.connectors;

import com.webprometrics.platform.web.ProblemException;
import com.webprometrics.platform.web.Problems;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks of connect settings, answered as 400 with a field error such as {@code settings.propertyId}. */
public final class Settings {
    private Settings() {
    }

    /** The setting, trimmed, with {@code strip} characters removed, if it matches {@code pattern}. */
    public static String require(Map<String, String> settings, String key, Pattern pattern, String strip, String hint) {
        String raw = settings.get(key);
        String value = raw == null ? "" : raw.trim();
        if (strip != null) {
            value = value.replaceAll(strip, "");
        }
        if (value.isEmpty() || !pattern.matcher(value).matches()) {
            throw ProblemException.invalidFields(List.of(Problems.fieldError("settings." + key, hint)));
        }
        return value;
    }

    public static Map<String, String> with(Map<String, String> settings, String key, String value) {
        Map<String, String> copy = new HashMap<>(settings);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return Map.copyOf(copy);
    }
}
