package com.webprometrics.query.reports;

import com.webprometrics.platform.domain.DomainException;
import com.webprometrics.query.dashboard.ClientDashboard;
import com.webprometrics.query.dashboard.ClientDashboards;
import com.webprometrics.query.dashboard.DateRange;
import com.webprometrics.query.infra.ReadYourWrites;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * Builds what a report shows from the read models: its definition, the client's dashboard for the range resolved
 * as of a day (today in the agency's time zone unless given), and the position every read model had reached —
 * taken before reading, so the data reflects at least every event up to it.
 */
@Service
class ReportRenderer {
    private final ReportQueries reports;
    private final ClientDashboards dashboards;
    private final ReadYourWrites readModels;
    private final Clock clock;

    ReportRenderer(ReportQueries reports, ClientDashboards dashboards, ReadYourWrites readModels, Clock clock) {
        this.reports = reports;
        this.dashboards = dashboards;
        this.readModels = readModels;
        this.clock = clock;
    }

    ReportContent content(UUID agencyId, UUID reportId, LocalDate asOf) {
        long position = readModels.position();
        ReportView report = reports.find(agencyId, reportId).orElseThrow(() -> DomainException.notFound("The report"));
        ZoneId zone = dashboards.clientZone(agencyId, report.clientId())
                .orElseThrow(() -> DomainException.notFound("The report's client"));
        LocalDate day = asOf != null ? asOf : LocalDate.now(clock.withZone(zone));
        DateRange range = ReportRange.resolve(report.from(), report.to(), report.range(), day);
        ClientDashboard dashboard = dashboards.build(agencyId, report.clientId(), range, true);
        return ReportContent.of(report, reports.agencyName(agencyId), zone, day, clock.instant(), position, dashboard);
    }
}
