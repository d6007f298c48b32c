package com.webprometrics.command.auth;

import com.webprometrics.events.auth.AgencyRegistered;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The tenant. Created at sign-up together with its owner (see {@link SignUpHandler}). */
@Aggregate(snapshotTriggerDefinition = "snapshotEveryN", cache = "agencyCache")
public class Agency {
    @AggregateIdentifier
    private UUID agencyId;
    private String timeZone;

    protected Agency() {
    }

    Agency(AuthCommands.SignUp command) {
        apply(new AgencyRegistered(command.agencyId(), command.agencyName(), command.userId(), command.plan(),
                command.terms().clientLimit(), command.timeZone()));
    }

    /** For other aggregates' handlers (reports schedule deliveries in it): the agency's IANA time zone. */
    public String timeZone() {
        return timeZone == null ? "UTC" : timeZone;
    }

    @EventSourcingHandler
    void on(AgencyRegistered event) {
        this.agencyId = event.agencyId();
        this.timeZone = event.timeZone();
    }
}
