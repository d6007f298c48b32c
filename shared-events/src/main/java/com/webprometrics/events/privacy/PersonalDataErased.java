package com.webprometrics.events.privacy;

import java.util.List;
import java.util.UUID;

/**
 * The erasure record: who asked ({@code requestedBy}, also in the metadata), why, for which subject, and the keys
 * destroyed with it ({@code subjects}, e.g. {@code user:<id>} and the {@code invitation:<id>} the user joined
 * through). From this event on, the subjects' personal fields in every event read as erased. It holds no personal
 * data itself.
 *
 * @param subjectType {@code user}, {@code client-contact} or {@code agency}
 */
public record PersonalDataErased(UUID erasureId, UUID agencyId, String subjectType, UUID subjectId,
                                 List<String> subjects, String reason, UUID requestedBy) {
}
