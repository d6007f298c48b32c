package com.webprometrics.platform.axon.eventstore;

import org.axonframework.serialization.Serializer;

/**
 * The serializer snapshots are written and read with, for a service that snapshots its aggregates. A type of its
 * own, not a {@link Serializer} bean: one more of those would make Axon's auto-configuration skip its own.
 */
public record SnapshotSerializer(Serializer serializer) {
}
