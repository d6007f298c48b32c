package com.webprometrics.command.auth;

import java.util.Arrays;
import java.util.Optional;

/** Agency roles. OPS is a platform role granted by configuration, never held inside an agency. */
public enum Role {
    OWNER, ADMIN, ANALYST, VIEWER, AUDITOR;

    public static final String OPS = "OPS";

    public static Optional<Role> parse(String value) {
        return Arrays.stream(values()).filter(r -> r.name().equals(value)).findFirst();
    }

    /** Roles an invitation or a role change may hand out: every role but OWNER (one owner per agency). */
    public boolean assignable() {
        return this != OWNER;
    }
}
