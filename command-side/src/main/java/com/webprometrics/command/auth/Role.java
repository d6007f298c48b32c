package com.webprometrics.command.auth;

import java.util.Arrays;
import java.util.Optional;

/** Agency roles. OPS is a platform role granted by configuration, never held inside an agency. */
public enum Role {
    OWNER, ADMIN, ANALYST, VIEWER, AUDITOR;

    public static final String OPS = "OPS";

    /**
     * Carried only by the short-lived service tokens the command side signs to fetch a report file from the query
     * side ({@code AccessTokens#issueRenderToken}). The query side accepts it on the report export alone; the gateway and
     * the command side refuse it everywhere.
     */
    public static final String REPORT_RENDERER = com.webprometrics.websecurity.TokenRules.REPORT_RENDERER;

    public static Optional<Role> parse(String value) {
        return Arrays.stream(values()).filter(r -> r.name().equals(value)).findFirst();
    }

    /** Roles an invitation or a role change may hand out: every role but OWNER (one owner per agency). */
    public boolean assignable() {
        return this != OWNER;
    }
}
