package com.webprometrics.query.dashboard;

import com.webprometrics.platform.security.CurrentUser;
import com.webprometrics.platform.web.ProblemException;
import com.webprometrics.platform.web.Problems;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A client's dashboard and the agency overview, scoped to the caller's agency. */
@RestController
class DashboardController {
    private final DashboardQueries queries;
    private final ClientDashboards dashboards;

    DashboardController(DashboardQueries queries, ClientDashboards dashboards) {
        this.queries = queries;
        this.dashboards = dashboards;
    }

    record Health(int total, int healthy, int failing) {
    }

    /** {@code currency} is set when all the client's money in the range is in one currency (see {@code currencies}). */
    record ClientSummary(UUID clientId, String name, Map<String, BigDecimal> kpis, String currency,
                         List<String> currencies, Health integrations, Instant lastSyncAt) {
    }

    record Overview(LocalDate from, LocalDate to, List<ClientSummary> clients) {
    }

    @GetMapping("/api/clients/{clientId}/dashboard")
    ClientDashboard client(CurrentUser user, @PathVariable UUID clientId, @RequestParam(required = false) String from,
                           @RequestParam(required = false) String to, @RequestParam(required = false) String compare) {
        boolean withPrevious = compare == null || compare.isBlank() || compare.equals("previous");
        if (!withPrevious && !compare.equals("none")) {
            throw ProblemException.invalidFields(List.of(Problems.fieldError("compare", "must be previous or none")));
        }
        return dashboards.build(user.agencyId(), clientId, from, to, withPrevious);
    }

    @GetMapping("/api/dashboard")
    Overview overview(CurrentUser user, @RequestParam(required = false) String from,
                      @RequestParam(required = false) String to) {
        DateRange range = DateRange.parse(from, to, queries.agencyZone(user.agencyId()));
        List<ClientSummary> clients = queries.overview(user.agencyId(), range).stream().map(row -> {
            Map<String, BigDecimal> kpis = new LinkedHashMap<>();
            kpis.put("sessions", row.sessions());
            kpis.put("conversions", row.conversions());
            kpis.put("revenue", row.revenue());
            kpis.put("cost", row.cost());
            kpis.put("roas", Metrics.ratio(row.revenue(), row.cost()));
            return new ClientSummary(row.clientId(), row.name(), kpis,
                    row.currencies().size() == 1 ? row.currencies().get(0) : null, row.currencies(),
                    new Health(row.total(), row.healthy(), row.failing()), row.lastSyncAt());
        }).toList();
        return new Overview(range.from(), range.to(), clients);
    }
}
