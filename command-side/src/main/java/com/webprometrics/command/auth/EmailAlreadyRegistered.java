package com.webprometrics.command.auth;

import com.webprometrics.platform.domain.DomainException;

public class EmailAlreadyRegistered extends DomainException {
    public EmailAlreadyRegistered() {
        super(Kind.CONFLICT, "E-mail already registered", "An account with this e-mail already exists.");
    }
}
