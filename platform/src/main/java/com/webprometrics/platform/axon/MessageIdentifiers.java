package com.webprometrics.platform.axon;

import com.webprometrics.websecurity.Uuids;
import org.axonframework.common.IdentifierFactory;

/**
 * The identifiers of Axon's messages (commands, events, results), found by Axon through
 * {@code META-INF/services}: random UUIDs without the JVM-wide lock of {@code UUID.randomUUID()} ({@link Uuids}).
 */
public class MessageIdentifiers extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        return Uuids.random().toString();
    }
}
