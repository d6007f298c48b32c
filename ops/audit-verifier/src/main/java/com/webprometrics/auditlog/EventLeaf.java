package com.webprometrics.auditlog;

import java.util.Arrays;
import java.util.Objects;

/**
 * One event as its agency tree commits to it: leaf {@code agencySeq - 1} of that agency's tree, with its global
 * index ({@code position}) and every stored field. Null strings and bytes are the empty value.
 *
 * @param aggregateType the stored {@code type} column (e.g. "Client")
 * @param timestamp the stored {@code time_stamp} string, unparsed
 * @param payload the stored payload bytes
 * @param metaData the stored metadata bytes
 */
public record EventLeaf(long agencySeq, long position, String agencyId, String eventId, String aggregateType,
                        String aggregateId, long sequence, String payloadType, String payloadRevision,
                        String timestamp, byte[] payload, byte[] metaData) {
    public static final String TAG = "wpm/audit/event/v1";

    public EventLeaf {
        agencyId = Objects.requireNonNullElse(agencyId, "");
        eventId = Objects.requireNonNullElse(eventId, "");
        aggregateType = Objects.requireNonNullElse(aggregateType, "");
        aggregateId = Objects.requireNonNullElse(aggregateId, "");
        payloadType = Objects.requireNonNullElse(payloadType, "");
        payloadRevision = Objects.requireNonNullElse(payloadRevision, "");
        timestamp = Objects.requireNonNullElse(timestamp, "");
        payload = Objects.requireNonNullElse(payload, new byte[0]);
        metaData = Objects.requireNonNullElse(metaData, new byte[0]);
    }

    public byte[] leafData() {
        return encode().toBytes();
    }

    public byte[] leafHash() {
        return encode().leafHash();
    }

    private LeafData encode() {
        return new LeafData(TAG, payload.length + metaData.length + 256)
                .u64(agencySeq).u64(position)
                .str(agencyId).str(eventId).str(aggregateType)
                .str(aggregateId).u64(sequence).str(payloadType).str(payloadRevision)
                .str(timestamp)
                .bytes(payload).bytes(metaData);
    }

    /** The leaf index in the agency's tree. */
    public long index() {
        return agencySeq - 1;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventLeaf e && e.agencySeq == agencySeq && e.position == position
                && e.sequence == sequence && e.agencyId.equals(agencyId) && e.eventId.equals(eventId)
                && e.aggregateType.equals(aggregateType) && e.aggregateId.equals(aggregateId)
                && e.payloadType.equals(payloadType) && e.payloadRevision.equals(payloadRevision)
                && e.timestamp.equals(timestamp) && Arrays.equals(e.payload, payload)
                && Arrays.equals(e.metaData, metaData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(agencySeq, position, agencyId, eventId, aggregateId, sequence, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "EventLeaf[agencySeq=" + agencySeq + ", position=" + position + ", agencyId=" + agencyId
                + ", eventId=" + eventId + ", " + aggregateType + " " + aggregateId + "#" + sequence + ", "
                + payloadType + "]";
    }
}
