package com.webprometrics.command.integrations.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A provider grant as it is sealed into the credential store. {@code toString} never shows a token, so a
 * stray log statement cannot leak one.
 *
 * @param refreshToken Google's long-lived token; null for Meta (no refresh exists there)
 * @param expiresAt    when {@code accessToken} stops working (null: unknown)
 */
public record OAuthTokens(String accessToken, String refreshToken, Instant expiresAt, List<String> scopes) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public OAuthTokens {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    public OAuthTokens withAccessToken(String token, Instant expires) {
        return new OAuthTokens(token, refreshToken, expires, scopes);
    }

    public byte[] toBytes() {
        ObjectNode node = JSON.createObjectNode();
        node.put("accessToken", accessToken);
        node.put("refreshToken", refreshToken);
        if (expiresAt != null) {
            node.put("expiresAt", expiresAt.getEpochSecond());
        }
        node.putArray("scopes").addAll(scopes.stream().map(node::textNode).toList());
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static OAuthTokens fromBytes(byte[] bytes) {
        try {
            JsonNode node = JSON.readTree(bytes);
            List<String> scopes = new ArrayList<>();
            node.path("scopes").forEach(s -> scopes.add(s.asText()));
            return new OAuthTokens(text(node, "accessToken"), text(node, "refreshToken"),
                    node.hasNonNull("expiresAt") ? Instant.ofEpochSecond(node.get("expiresAt").asLong()) : null, scopes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    @Override
    public String toString() {
        return "OAuthTokens[accessToken=***, refreshToken=" + (refreshToken == null ? "none" : "***")
                + ", expiresAt=" + expiresAt + ", scopes=" + scopes + "]";
    }
}
