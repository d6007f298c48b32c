package com.webprometrics.query.audit;

import java.util.Map;
import java.util.Optional;

/** The aggregate types an auditor names ({@code client}) and the event store's ({@code Client}), both ways. */
final class AggregateTypes {
    private static final Map<String, String> STORED = Map.of(
            "agency", "Agency",
            "user", "UserAccount",
            "client", "Client",
            "integration", "Integration",
            "report", "Report",
            "subscription", "Subscription",
            "invitation", "Invitation",
            "session", "RefreshSession",
            "provider-event", "ProviderEvent");
    private static final Map<String, String> PUBLIC = invert();

    private AggregateTypes() {
    }

    /** The stored type for an API type, empty when there is none such. */
    static Optional<String> stored(String apiType) {
        return Optional.ofNullable(STORED.get(apiType));
    }

    /** The API type for a stored type (an unknown one lowercased). */
    static String api(String storedType) {
        return storedType == null ? "unknown" : PUBLIC.getOrDefault(storedType, storedType.toLowerCase());
    }

    static java.util.Set<String> apiTypes() {
        return STORED.keySet();
    }

    private static Map<String, String> invert() {
        java.util.HashMap<String, String> inverted = new java.util.HashMap<>();
        STORED.forEach((api, stored) -> inverted.put(stored, api));
        return Map.copyOf(inverted);
    }
}
