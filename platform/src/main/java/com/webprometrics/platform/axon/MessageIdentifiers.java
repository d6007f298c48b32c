package com.webprometrics.platform.axon;

import com.webprometrics.websecurity.Uuids;
import org.axonframework.common.IdentifierFactory;

/**
 * The identifiers of Axon's messages (commands, events, results), found by Axon through
 * {@code META-INF/services}: time-ordered UUIDs ({@link Uuids#timeOrdered}), so each event's id lands beside the last
 * in the event store's unique index, and without the JVM-wide lock of {@code UUID.randomUUID()}.
 */
public class MessageIdentifiers extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        return Uuids.timeOrdered().toString();
    }
}
