package com.webprometrics.command.auth;

import com.webprometrics.command.billing.BillingStanding;
import com.webprometrics.command.privacy.PrivacyCommands;
import com.webprometrics.command.privacy.PrivacyRejection;
import com.webprometrics.events.auth.AgencyRegistered;
import com.webprometrics.events.privacy.PersonalDataErased;
import org.axonframework.commandhandling.CommandHandler;
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

    /** A closed agency only: every key held for it goes, the agency's own included. */
    @CommandHandler
    void handle(PrivacyCommands.EraseAgencyData command, BillingStanding standing) {
        if (agencyId == null || !agencyId.equals(command.agencyId())) {
            throw PrivacyRejection.NOT_FOUND.get();
        }
        if (!standing.isCanceled(agencyId)) {
            throw PrivacyRejection.AGENCY_OPEN.get();
        }
        apply(new PersonalDataErased(command.erasureId(), agencyId, "agency", agencyId, command.subjects(),
                command.reason(), command.requestedBy()));
    }

    @EventSourcingHandler
    void on(AgencyRegistered event) {
        this.agencyId = event.agencyId();
        this.timeZone = event.timeZone();
    }
}
