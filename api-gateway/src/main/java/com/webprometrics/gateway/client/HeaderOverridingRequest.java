package com.webprometrics.gateway.client;

import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/** A request whose headers can be replaced (e.g. the correlation id that is forwarded downstream). */
public final class HeaderOverridingRequest extends HttpServletRequestWrapper {

    private final Map<String, String> overrides = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private HeaderOverridingRequest(HttpServletRequest request) {
        super(request);
    }

    public static HttpServletRequest wrap(HttpServletRequest request) {
        return request instanceof HeaderOverridingRequest ? request : new HeaderOverridingRequest(request);
    }

    public void set(String name, String value) {
        overrides.put(name, value);
    }

    @Override
    public String getHeader(String name) {
        String value = overrides.get(name);
        return value != null ? value : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        String value = overrides.get(name);
        return value != null ? Collections.enumeration(java.util.List.of(value)) : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        Set<String> names = new LinkedHashSet<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Enumeration<String> e = super.getHeaderNames(); e.hasMoreElements();) {
            String name = e.nextElement();
            if (seen.add(name.toLowerCase(Locale.ROOT))) {
                names.add(name);
            }
        }
        for (String name : overrides.keySet()) {
            if (seen.add(name.toLowerCase(Locale.ROOT))) {
                names.add(name);
            }
        }
        return Collections.enumeration(names);
    }
}
