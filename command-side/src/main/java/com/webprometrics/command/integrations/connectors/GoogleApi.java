package com.webprometrics.command.integrations.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.webprometrics.command.integrations.ProviderFailure;
import com.webprometrics.command.integrations.http.ProviderHttp;
import com.webprometrics.command.integrations.http.Verdict;
import com.webprometrics.command.integrations.oauth.Grants;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;

/**
 * A JSON POST to a Google API on behalf of an integration: bearer token from the credential store
 * (refreshed ahead of expiry), and on 401 {@code UNAUTHENTICATED} one refresh and one retry; a second 401
 * means the grant no longer works.
 */
@Component
public class GoogleApi {
    private final ProviderHttp http;
    private final Grants grants;

    public GoogleApi(ProviderHttp http, Grants grants) {
        this.http = http;
        this.grants = grants;
    }

    public JsonNode post(String provider, UUID integrationId, URI uri, String json, Map<String, String> headers) {
        String token = grants.accessToken(integrationId);
        ProviderHttp.Answer answer = http.exchange(provider, () -> request(uri, json, token, headers), GoogleErrors::verdict);
        if (expired(answer)) {
            String fresh = grants.refreshedAccessToken(integrationId);
            answer = http.exchange(provider, () -> request(uri, json, fresh, headers), GoogleErrors::verdict);
            if (expired(answer)) {
                throw ProviderFailure.authorizationLost();
            }
        }
        return Json.parse(answer.body());
    }

    private static boolean expired(ProviderHttp.Answer answer) {
        return GoogleErrors.verdict(answer).kind() == Verdict.Kind.AUTH_EXPIRED;
    }

    private static HttpRequest request(URI uri, String json, String token, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(builder::header);
        return builder.build();
    }
}
