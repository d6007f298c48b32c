package com.webprometrics.command.audit;

/** One row of the event store as the sealer reads it: the bytes a leaf commits to. */
record StoredEvent(String txId, long globalIndex, String eventId, String aggregateId, long sequence, String type,
                   String timestamp, String payloadType, String revision, byte[] payload, byte[] metaData) {

    /** The agency the event belongs to: its payload's {@code agencyId}, else its metadata's, else the platform's. */
    String agencyId() {
        String agency = AgencyOf.json(payload);
        if (agency == null && metaData != null) {
            agency = AgencyOf.json(metaData);
        }
        return agency == null ? AgencyOf.PLATFORM : agency;
    }
}
