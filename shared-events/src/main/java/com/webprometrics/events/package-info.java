/**
 * The events of WebProMetrics: immutable records in past-tense business language, grouped by context.
 * They are the public, versioned language of the system and the audit log. Evolve them by adding
 * optional fields or writing an upcaster; never rename or repurpose a field in place. No secret
 * (password hash, token, key) ever goes into an event.
 */
package com.webprometrics.events;
