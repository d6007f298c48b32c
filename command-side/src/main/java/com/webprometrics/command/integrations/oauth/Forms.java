package com.webprometrics.command.integrations.oauth;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** application/x-www-form-urlencoded bodies and query strings. */
final class Forms {
    private Forms() {
    }

    static String encode(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static URI withQuery(URI base, Map<String, String> parameters) {
        String separator = base.getRawQuery() == null ? "?" : "&";
        return URI.create(base + separator + encode(parameters));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
