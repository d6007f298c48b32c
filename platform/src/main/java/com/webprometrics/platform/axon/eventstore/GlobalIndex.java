package com.webprometrics.platform.axon.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * An event's own global index, which {@link PostgresEventStorageEngine} adds to the metadata of every event a
 * processor reads ({@value #KEY}). A tracking token's {@code position()} is not it: an event that commits late fills a
 * gap below the token's index, and the token after it still reports that higher index. A read model keyed by position
 * (the audit search) would file the late event under another's.
 * <p>
 * The index travels with the stored metadata ({@link Stamped}) and joins it only when a handler reads the metadata:
 * stamping each event as it was read made every processor open every event's metadata, personal data included.
 */
public final class GlobalIndex {
    public static final String KEY = "globalIndex";

    private GlobalIndex() {
    }

    /** The event's own global index: from its metadata, else its token's position. */
    public static OptionalLong of(EventMessage<?> event, TrackingToken token) {
        Object index = event.getMetaData().get(KEY);
        if (index instanceof Number number) {
            return OptionalLong.of(number.longValue());
        }
        return token == null ? OptionalLong.empty() : token.position();
    }

    /** Stored metadata and the index of the row it was read from; the event store's serializer joins them. */
    public record Stamped<T>(SerializedObject<T> stored, long index) implements SerializedObject<T> {
        public MetaData stamp(MetaData metaData) {
            return metaData.and(KEY, index);
        }

        @Override
        public Class<T> getContentType() {
            return stored.getContentType();
        }

        @Override
        public SerializedType getType() {
            return stored.getType();
        }

        @Override
        public T getData() {
            return stored.getData();
        }
    }

    /** A stored event whose metadata carries the row's index. */
    record Indexed<T>(DomainEventData<T> event, long index) implements DomainEventData<T> {
        @Override
        public SerializedObject<T> getMetaData() {
            return new Stamped<>(event.getMetaData(), index);
        }

        @Override
        public String getType() {
            return event.getType();
        }

        @Override
        public String getAggregateIdentifier() {
            return event.getAggregateIdentifier();
        }

        @Override
        public long getSequenceNumber() {
            return event.getSequenceNumber();
        }

        @Override
        public String getEventIdentifier() {
            return event.getEventIdentifier();
        }

        @Override
        public Instant getTimestamp() {
            return event.getTimestamp();
        }

        @Override
        public SerializedObject<T> getPayload() {
            return event.getPayload();
        }
    }
}
