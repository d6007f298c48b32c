package com.webprometrics.query.dashboard;

import com.webprometrics.platform.domain.DomainException;
import com.webprometrics.query.dashboard.ClientDashboard.Kpi;
import com.webprometrics.query.dashboard.ClientDashboard.Point;
import com.webprometrics.query.dashboard.ClientDashboard.ProviderValues;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Builds {@link ClientDashboard}s from the metrics read model, always inside one agency. */
@Service
public class ClientDashboards {
    private final DashboardQueries queries;

    ClientDashboards(DashboardQueries queries) {
        this.queries = queries;
    }

    /** The agency's time zone when the client is the agency's; empty for another agency's or an unknown client. */
    public Optional<ZoneId> clientZone(UUID agencyId, UUID clientId) {
        return queries.clientZone(agencyId, clientId);
    }

    /**
     * The client's dashboard for {@code range}, with the previous period of the same length when
     * {@code compare}.
     *
     * @throws DomainException not found when the client is not the agency's
     */
    public ClientDashboard build(UUID agencyId, UUID clientId, DateRange range, boolean compare) {
        if (queries.clientZone(agencyId, clientId).isEmpty()) {
            throw DomainException.notFound("The client");
        }
        DateRange previous = compare ? range.previous() : null;

        DashboardQueries.Totals totals = queries.totals(agencyId, clientId, range, previous);
        Set<String> present = new HashSet<>(totals.current().keySet());
        List<Kpi> kpis = new ArrayList<>();
        for (String metric : Metrics.order(present)) {
            BigDecimal value = Metrics.value(totals.current(), metric);
            BigDecimal before = previous == null ? null : Metrics.value(totals.previous(), metric);
            kpis.add(new Kpi(metric, value, before, Metrics.changePct(value, before)));
        }

        Map<LocalDate, Map<String, BigDecimal>> daily = queries.daily(agencyId, clientId, range);
        List<Point> series = new ArrayList<>((int) range.days());
        for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
            Map<String, BigDecimal> sums = daily.get(day);
            series.add(new Point(day, sums == null ? Map.of() : Metrics.withDerived(sums)));
        }

        TreeSet<String> currencies = new TreeSet<>();
        List<ProviderValues> byProvider = new ArrayList<>();
        for (DashboardQueries.ProviderSums p : queries.byProvider(agencyId, clientId, range)) {
            byProvider.add(new ProviderValues(p.provider(), Metrics.withDerived(p.sums())));
            currencies.addAll(p.currencies());
        }
        return new ClientDashboard(clientId, range.from(), range.to(), compare ? "previous" : "none",
                previous == null ? null : previous.from(), previous == null ? null : previous.to(),
                currencies.size() == 1 ? currencies.first() : null, List.copyOf(currencies), kpis, series, byProvider,
                queries.freshness(agencyId, clientId));
    }
}
