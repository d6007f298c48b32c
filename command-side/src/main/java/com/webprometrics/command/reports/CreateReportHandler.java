package com.webprometrics.command.reports;

import com.webprometrics.command.auth.Agency;
import com.webprometrics.command.clients.ActiveClients;
import com.webprometrics.command.reports.ReportCommands.CreateReport;
import org.axonframework.commandhandling.CommandHandler;
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
    private final ActiveClients activeClients;
    private final Repository<Agency> agencies;
    private final Repository<Report> reports;

    CreateReportHandler(ActiveClients activeClients,
                        @Qualifier("agencyRepository") Repository<Agency> agencies,
                        @Qualifier("reportRepository") Repository<Report> reports) {
        this.activeClients = activeClients;
        this.agencies = agencies;
        this.reports = reports;
    }

    @CommandHandler
    void handle(CreateReport command) throws Exception {
        activeClients.require(command.clientId(), command.agencyId(), "reports");
        String timeZone = agencies.load(command.agencyId().toString()).invoke(Agency::timeZone);
        reports.newInstance(() -> new Report(command, timeZone));
    }
}
