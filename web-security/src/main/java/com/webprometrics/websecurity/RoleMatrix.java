package com.webprometrics.websecurity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may do what: {@code role-matrix.json} next to this class, the one copy the gateway, both services and the SPA
 * read. Each hop applies its rules with {@link #authorize}, before its own (public endpoints, service tokens).
 */
public final class RoleMatrix {
    private static final List<HttpMethod> WRITES = List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);
    private static final RoleMatrix INSTANCE = load();

    private final List<String> roles;
    private final List<String> invitable;
    private final Map<String, List<String>> groups;
    private final List<Rule> rules;

    /** @param access {@code any} or {@code write} */
    public record Rule(String path, String access, String group) {
    }

    private RoleMatrix(List<String> roles, List<String> invitable, Map<String, List<String>> groups, List<Rule> rules) {
        this.roles = roles;
        this.invitable = invitable;
        this.groups = groups;
        this.rules = rules;
    }

    public static RoleMatrix get() {
        return INSTANCE;
    }

    public List<String> roles() {
        return roles;
    }

    public List<String> invitable() {
        return invitable;
    }

    public List<Rule> rules() {
        return rules;
    }

    public String[] group(String name) {
        List<String> members = groups.get(name);
        if (members == null) {
            throw new IllegalArgumentException("role-matrix.json has no group " + name);
        }
        return members.toArray(String[]::new);
    }

    /** Adds the matrix's rules, in order. Roles are matched as Spring authorities {@code ROLE_<name>}. */
    public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        for (Rule rule : rules) {
            String[] allowed = group(rule.group());
            if ("write".equals(rule.access())) {
                for (HttpMethod method : WRITES) {
                    auth.requestMatchers(method, rule.path()).hasAnyRole(allowed);
                }
            } else {
                auth.requestMatchers(rule.path()).hasAnyRole(allowed);
            }
        }
    }

    private static RoleMatrix load() {
        try (InputStream in = RoleMatrix.class.getResourceAsStream("role-matrix.json")) {
            if (in == null) {
                throw new IllegalStateException("role-matrix.json is missing from the classpath");
            }
            JsonNode json = new ObjectMapper().readTree(in);
            Map<String, List<String>> groups = new LinkedHashMap<>();
            json.get("groups").fields().forEachRemaining(g -> groups.put(g.getKey(), strings(g.getValue())));
            List<Rule> rules = new ArrayList<>();
            json.get("rules").forEach(r -> {
                String access = r.get("access").asText();
                if (!access.equals("any") && !access.equals("write")) {
                    throw new IllegalStateException("role-matrix.json: access must be any or write: " + r);
                }
                rules.add(new Rule(r.get("path").asText(), access, r.get("group").asText()));
            });
            RoleMatrix matrix = new RoleMatrix(strings(json.get("roles")), strings(json.get("invitable")),
                    Map.copyOf(groups), List.copyOf(rules));
            rules.forEach(rule -> matrix.group(rule.group()));
            return matrix;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return List.copyOf(values);
    }
}
