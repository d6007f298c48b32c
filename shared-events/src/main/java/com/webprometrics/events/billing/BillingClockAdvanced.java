package com.webprometrics.events.billing;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Test mode only: the agency's billing clock was moved forward by {@code advancedBy}; it now runs {@code offset}
 * ahead of the wall clock, and read {@code now} at the moment of the move.
 */
public record BillingClockAdvanced(UUID subscriptionId, UUID agencyId, Duration advancedBy, Duration offset,
                                   Instant now) {
}
