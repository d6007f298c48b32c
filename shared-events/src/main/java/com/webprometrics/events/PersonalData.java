package com.webprometrics.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A field holding personal data: stored encrypted under the key of one data subject, named by {@link #subject()}
 * and the event's top-level field {@link #id()} (e.g. subject {@code user}, id {@code userId} → key
 * {@code user:<userId>}). Erasing the subject destroys its key; the field then reads as erased everywhere. On a
 * string or a list of strings; on a nested record's component the id is still the event's top-level field.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {
    /** {@code user}, {@code invitation}, {@code client-contact} or {@code agency} */
    String subject();

    /** The event's top-level field whose value identifies the subject. */
    String id();
}
