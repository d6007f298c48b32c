package com.webprometrics.command.reports;

import com.webprometrics.command.auth.Agency;
import com.webprometrics.command.clients.Client;
import com.webprometrics.command.reports.ReportCommands.CreateReport;
import com.webprometrics.platform.domain.DomainException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Creating a report asks the client aggregate (never a read model) whether the client is the caller's and still
 * active, and the agency aggregate for its time zone (schedules run in it), then creates the report — in one
 * unit of work.
 */
@Component
class CreateReportHandler {
    private final Repository<Client> clients;
    private final Repository<Agency> agencies;
    private final Repository<Report> reports;
    private final ReportSchedules schedules;

    CreateReportHandler(@Qualifier("clientRepository") Repository<Client> clients,
                        @Qualifier("agencyRepository") Repository<Agency> agencies,
                        @Qualifier("reportRepository") Repository<Report> reports, ReportSchedules schedules) {
        this.clients = clients;
        this.agencies = agencies;
        this.reports = reports;
        this.schedules = schedules;
    }

    @CommandHandler
    void handle(CreateReport command) throws Exception {
        Aggregate<Client> client;
        try {
            client = clients.load(command.clientId().toString());
        } catch (AggregateNotFoundException e) {
            throw DomainException.notFound("The client");
        }
        if (!client.invoke(c -> c.belongsTo(command.agencyId()))) {
            throw DomainException.notFound("The client");
        }
        if (client.invoke(Client::archived)) {
            throw new DomainException(DomainException.Kind.CONFLICT, "Client archived",
                    "An archived client cannot get new reports; restore it first.");
        }
        String timeZone = agencies.load(command.agencyId().toString()).invoke(Agency::timeZone);
        reports.newInstance(() -> new Report(command, timeZone, schedules));
    }
}
