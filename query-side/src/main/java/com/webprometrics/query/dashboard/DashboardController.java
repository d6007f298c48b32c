package com.webprometrics.query.dashboard;

import com.webprometrics.platform.domain.DomainException;
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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A client's dashboard and the agency overview, scoped to the caller's agency. */
@RestController
class DashboardController {
    private final DashboardQueries queries;

    DashboardController(DashboardQueries queries) {
        this.queries = queries;
    }

    record Kpi(String metric, BigDecimal value, BigDecimal previousValue, BigDecimal changePct) {
    }

    record Point(LocalDate date, Map<String, BigDecimal> values) {
    }

    record ProviderValues(String provider, Map<String, BigDecimal> values) {
    }

    record ClientDashboard(UUID clientId, LocalDate from, LocalDate to, String compare, LocalDate previousFrom,
                           LocalDate previousTo, String currency, List<String> currencies, List<Kpi> kpis,
                           List<Point> series, List<ProviderValues> byProvider,
                           List<DashboardQueries.Freshness> freshness) {
    }

    record Health(int total, int healthy, int failing) {
    }

    record ClientSummary(UUID clientId, String name, Map<String, BigDecimal> kpis, Health integrations,
                         Instant lastSyncAt) {
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
        ZoneId zone = queries.clientZone(user.agencyId(), clientId).orElse(null);
        DateRange range = DateRange.parse(from, to, zone == null ? ZoneId.of("UTC") : zone);
        if (zone == null) {
            throw DomainException.notFound("The client");
        }
        DateRange previous = withPrevious ? range.previous() : null;

        DashboardQueries.Totals totals = queries.totals(user.agencyId(), clientId, range, previous);
        Set<String> present = new HashSet<>(totals.current().keySet());
        List<Kpi> kpis = new ArrayList<>();
        for (String metric : Metrics.order(present)) {
            BigDecimal value = Metrics.value(totals.current(), metric);
            BigDecimal before = previous == null ? null : Metrics.value(totals.previous(), metric);
            kpis.add(new Kpi(metric, value, before, Metrics.changePct(value, before)));
        }

        Map<LocalDate, Map<String, BigDecimal>> daily = queries.daily(user.agencyId(), clientId, range);
        List<Point> series = new ArrayList<>((int) range.days());
        for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
            Map<String, BigDecimal> sums = daily.get(day);
            series.add(new Point(day, sums == null ? Map.of() : Metrics.withDerived(sums)));
        }

        TreeSet<String> currencies = new TreeSet<>();
        List<ProviderValues> byProvider = new ArrayList<>();
        for (DashboardQueries.ProviderSums p : queries.byProvider(user.agencyId(), clientId, range)) {
            byProvider.add(new ProviderValues(p.provider(), Metrics.withDerived(p.sums())));
            currencies.addAll(p.currencies());
        }
        return new ClientDashboard(clientId, range.from(), range.to(), withPrevious ? "previous" : "none",
                previous == null ? null : previous.from(), previous == null ? null : previous.to(),
                currencies.size() == 1 ? currencies.first() : null, List.copyOf(currencies), kpis, series, byProvider,
                queries.freshness(user.agencyId(), clientId));
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
                    new Health(row.total(), row.healthy(), row.failing()), row.lastSyncAt());
        }).toList();
        return new Overview(range.from(), range.to(), clients);
    }
}
