package com.webprometrics.command.billing;

import com.webprometrics.events.billing.ProviderEventReceived;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One webhook event of the payment provider, by its id: creating it twice fails on the event store's unique key, so
 * a redelivered event — however concurrent — is processed once.
 */
@Aggregate
public class ProviderEvent {
    static final String PROVIDER = "stripe";

    @AggregateIdentifier
    private UUID recordId;

    protected ProviderEvent() {
    }

    ProviderEvent(UUID recordId, UUID agencyId, String providerEventId, String type, Instant createdAt,
                  UUID subscriptionId) {
        apply(new ProviderEventReceived(recordId, agencyId, PROVIDER, providerEventId, type, createdAt, subscriptionId));
    }

    static UUID recordId(String providerEventId) {
        return UUID.nameUUIDFromBytes(("wpm:" + PROVIDER + ":" + providerEventId).getBytes(StandardCharsets.UTF_8));
    }

    @EventSourcingHandler
    void on(ProviderEventReceived event) {
        this.recordId = event.recordId();
    }
}
