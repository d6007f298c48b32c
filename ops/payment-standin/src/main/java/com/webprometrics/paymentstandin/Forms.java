package com.webprometrics.paymentstandin;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An {@code application/x-www-form-urlencoded} body as the provider reads it: bracketed keys kept as written. */
record Forms(Map<String, List<String>> values) {

    static Forms parse(String body) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (body != null && !body.isEmpty()) {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
        }
        return new Forms(values);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    String one(String key) {
        List<String> found = values.get(key);
        return found == null || found.isEmpty() ? null : found.get(found.size() - 1);
    }

    List<String> all(String key) {
        return values.getOrDefault(key, List.of());
    }

    /** {@code metadata[k]=v} pairs; an empty value unsets the key, as the provider does. */
    Map<String, String> metadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        values.forEach((key, list) -> {
            if (key.startsWith("metadata[") && key.endsWith("]")) {
                String name = key.substring("metadata[".length(), key.length() - 1);
                String value = list.get(list.size() - 1);
                if (value.isEmpty()) metadata.remove(name);
                else metadata.put(name, value);
            }
        });
        return metadata;
    }
}
