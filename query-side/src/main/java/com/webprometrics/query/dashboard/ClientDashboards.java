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
        return queries.clientContext(agencyId, clientId).map(DashboardQueries.ClientContext::zone);
    }

    /**
     * The client's dashboard for {@code range}, with the previous period of the same length when
     * {@code compare}.
     *
     * @throws DomainException not found when the client is not the agency's
     */
    public ClientDashboard build(UUID agencyId, UUID clientId, DateRange range, boolean compare) {
        DashboardQueries.ClientContext context = queries.clientContext(agencyId, clientId)
                .orElseThrow(() -> DomainException.notFound("The client"));
        return compute(agencyId, clientId, range, compare, context);
    }

    /**
     * The dashboard for request parameters: {@code from}/{@code to} as ISO dates or null for the defaults, which
     * are days in the agency's time zone (see {@link DateRange#parse}).
     */
    ClientDashboard build(UUID agencyId, UUID clientId, String from, String to, boolean compare) {
        Optional<DashboardQueries.ClientContext> context = queries.clientContext(agencyId, clientId);
        DateRange range = DateRange.parse(from, to, context.map(DashboardQueries.ClientContext::zone)
                .orElse(ZoneId.of("UTC")));
        return compute(agencyId, clientId, range, compare,
                context.orElseThrow(() -> DomainException.notFound("The client")));
    }

    private ClientDashboard compute(UUID agencyId, UUID clientId, DateRange range, boolean compare,
                                    DashboardQueries.ClientContext context) {
        DateRange previous = compare ? range.previous() : null;
        DashboardQueries.RangeSums sums = queries.sums(agencyId, clientId, range, previous);

        Map<String, BigDecimal> current = sums.current().toMap();
        Map<String, BigDecimal> before = sums.previous().toMap();
        Set<String> present = new HashSet<>(current.keySet());
        present.addAll(before.keySet());
        for (String metric : present) {
            current.putIfAbsent(metric, BigDecimal.ZERO);
            before.putIfAbsent(metric, BigDecimal.ZERO);
        }
        List<Kpi> kpis = new ArrayList<>();
        for (String metric : Metrics.order(present)) {
            BigDecimal value = Metrics.value(current, metric);
            BigDecimal previousValue = previous == null ? null : Metrics.value(before, metric);
            kpis.add(new Kpi(metric, value, previousValue, Metrics.changePct(value, previousValue)));
        }

        List<Point> series = new ArrayList<>((int) range.days());
        for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
            MetricSums daySums = sums.daily().get(day);
            series.add(new Point(day, daySums == null ? Map.of() : Metrics.withDerived(daySums.toMap())));
        }

        TreeSet<String> currencies = sums.currencies();
        List<ProviderValues> byProvider = new ArrayList<>();
        sums.byProvider().forEach((provider, providerSums) -> {
            if (!providerSums.isEmpty()) {
                byProvider.add(new ProviderValues(provider, Metrics.withDerived(providerSums.toMap())));
            }
        });
        return new ClientDashboard(clientId, range.from(), range.to(), compare ? "previous" : "none",
                previous == null ? null : previous.from(), previous == null ? null : previous.to(),
                currencies.size() == 1 ? currencies.first() : null, List.copyOf(currencies), kpis, series, byProvider,
                context.freshness());
    }
}
