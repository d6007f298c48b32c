package com.webprometrics.query.privacy;

import com.webprometrics.events.privacy.PersonalDataErased;

import java.util.List;
import java.util.UUID;

/**
 * What an erasure names, for the projections that blank their copies of the data: each read model handles
 * {@link PersonalDataErased} in its own processor, so no processor can write the data back after another blanked it.
 */
public final class Erasures {
    /** How erased personal data reads everywhere (the event store's reader gives the same). */
    public static final String ERASED = com.webprometrics.platform.privacy.PersonalDataCipher.ERASED;

    private Erasures() {
    }

    /** The ids of the erased subjects of one type ({@code user}, {@code invitation}, {@code client-contact}, {@code agency}). */
    public static List<UUID> ids(PersonalDataErased erasure, String type) {
        String prefix = type + ":";
        return erasure.subjects().stream().filter(s -> s.startsWith(prefix))
                .map(s -> UUID.fromString(s.substring(prefix.length()))).toList();
    }
}
