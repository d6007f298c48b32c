package com.webprometrics.platform.axon;

import java.util.List;

/** Names of the metadata every command and event carries (DESIGN.md rule 1). */
public final class MetadataKeys {
    public static final String USER_ID = "userId";
    public static final String AGENCY_ID = "agencyId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String CLIENT_IP = "clientIp";
    public static final String USER_AGENT = "userAgent";

    static final List<String> COPIED = List.of(USER_ID, AGENCY_ID, CORRELATION_ID, CLIENT_IP, USER_AGENT);

    private MetadataKeys() {
    }
}
