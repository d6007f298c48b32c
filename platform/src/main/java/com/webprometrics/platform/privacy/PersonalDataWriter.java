package com.webprometrics.platform.privacy;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Seals the personal fields of a payload's JSON (or of an event's metadata) before it is stored. Only a service
 * that appends events has one (the command side knows which fields are personal); readers need none.
 */
public interface PersonalDataWriter {
    /** Whether values of this type can hold personal data at all: if not, they are stored without being parsed. */
    boolean mayHoldPersonalData(Class<?> type);

    /** @return whether it sealed anything */
    boolean seal(Class<?> payloadType, ObjectNode json);
}
