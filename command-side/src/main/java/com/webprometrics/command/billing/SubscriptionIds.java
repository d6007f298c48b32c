package com.webprometrics.command.billing;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * An agency has one subscription, whose id follows from the agency's: commands find it without a lookup table. (It
 * cannot be the agency's own id: aggregates of every type share the event store's identifier space.)
 */
public final class SubscriptionIds {
    private SubscriptionIds() {
    }

    public static UUID of(UUID agencyId) {
        return UUID.nameUUIDFromBytes(("wpm:subscription:" + agencyId).getBytes(StandardCharsets.UTF_8));
    }
}
