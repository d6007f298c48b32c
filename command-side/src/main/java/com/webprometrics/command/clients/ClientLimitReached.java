package com.webprometrics.command.clients;

import com.webprometrics.platform.domain.DomainException;

public class ClientLimitReached extends DomainException {
    public ClientLimitReached() {
        super(Kind.PLAN_LIMIT, "Client limit reached",
                "Your plan's client limit is reached. Archive a client or upgrade the plan.");
    }
}
