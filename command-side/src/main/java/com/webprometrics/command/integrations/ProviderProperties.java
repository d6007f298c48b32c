package com.webprometrics.command.integrations;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * {@code wpm.providers.*}: OAuth clients, API hosts and versions, re-fetch windows and the HTTP retry budget
 * of the real connectors. Every host is configuration so tests point them at stand-ins. A provider whose
 * client id and secret are empty is listed but cannot be connected.
 */
@ConfigurationProperties("wpm.providers")
public record ProviderProperties(URI redirectUri, Duration stateTtl, Google google, Ga4 ga4, GoogleAds googleAds,
                                 SearchConsole searchConsole, Meta meta, Http http) {

    public ProviderProperties {
        if (redirectUri == null || !redirectUri.isAbsolute()) {
            throw new IllegalArgumentException("wpm.providers.redirect-uri must be an absolute URL");
        }
    }

    /** The SPA's origin: where the OAuth callback sends the browser back to (same origin as the callback). */
    public String appOrigin() {
        return redirectUri.getScheme() + "://" + redirectUri.getRawAuthority();
    }

    /** One Google OAuth client (type "Web application") for GA4, Google Ads and Search Console. */
    public record Google(String clientId, String clientSecret, URI authorizeUrl, URI tokenUrl, URI revokeUrl) {
        public boolean configured() {
            return present(clientId) && present(clientSecret);
        }

        @Override
        public String toString() {
            return "Google[clientId=" + clientId + ", clientSecret=***]";
        }
    }

    public record Ga4(URI baseUrl, int refetchDays, int pageSize) {
    }

    public record GoogleAds(URI baseUrl, String apiVersion, String developerToken, int refetchDays) {
        @Override
        public String toString() {
            return "GoogleAds[baseUrl=" + baseUrl + ", apiVersion=" + apiVersion + ", developerToken=***]";
        }
    }

    public record SearchConsole(URI baseUrl, int refetchDays, int rowLimit) {
    }

    /**
     * A Meta app (Facebook Login, manual flow). {@code purchaseActionTypes} etc. are preference lists: the
     * first action type present on a day is taken, never a sum (Meta reports one purchase under several).
     */
    public record Meta(String appId, String appSecret, URI dialogUrl, URI graphUrl, String apiVersion, int refetchDays,
                       int pageSize, List<String> purchaseActionTypes, List<String> leadActionTypes,
                       List<String> addToCartActionTypes, List<String> videoViewActionTypes) {
        public boolean configured() {
            return present(appId) && present(appSecret);
        }

        @Override
        public String toString() {
            return "Meta[appId=" + appId + ", appSecret=***]";
        }
    }

    /**
     * Retries of one provider request: at most {@code maxAttempts}; 429/5xx wait the provider's hint
     * ({@code Retry-After}, Google Ads {@code retryDelay}, Meta's minutes to regain access) or an exponential
     * {@code baseDelay}·2ⁿ (jittered, ≤ {@code maxDelay}); a hint above {@code waitCeiling}, or waits adding up
     * to more than it, fail the sync as quota instead of sleeping.
     */
    public record Http(Duration connectTimeout, Duration readTimeout, int maxAttempts, Duration baseDelay,
                       Duration maxDelay, Duration waitCeiling) {
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
