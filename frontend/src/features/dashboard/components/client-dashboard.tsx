import { useState } from 'react';
import { EmptyState } from '@/components/empty-state';
import { ErrorBanner } from '@/components/error-banner';
import { Spinner } from '@/components/spinner';
import { ToggleChips } from '@/components/toggle-chips';
import { headlineOf, MetricCharts, toNumber, useMetricLookup, type MetricLookup } from '@/features/metrics';
import { useProviderNames } from '@/features/integrations';
import { useAgencyTimeZone } from '@/lib/auth';
import { daysBetween, formatDay, formatDayRange, formatRelative, lastDays, todayIn } from '@/lib/format';
import { useClientDashboard } from '../api/get-client-dashboard';
import type { ClientDashboard as Dashboard } from '../api/types';
import { KpiTiles } from './kpi-tiles';
import { ProviderTable } from './provider-table';
import { RangePicker, type Range } from './range-picker';

export const DEFAULT_RANGE_DAYS = 30;
const MAX_CHARTS = 4;

function hasData(d: Dashboard): boolean {
  return d.byProvider.length > 0 || d.series.some((p) => Object.keys(p.values).length > 0);
}

/** Metrics with a value now or before, minus the hidden inputs of derived ones. */
function presentMetrics(d: Dashboard, lookup: MetricLookup): string[] {
  return d.kpis
    .filter((k) => !lookup.isHidden(k.metric) && (toNumber(k.value) !== null || toNumber(k.previousValue) !== null))
    .map((k) => k.metric);
}

export function ClientDashboard({ clientId }: { clientId: string }) {
  const timeZone = useAgencyTimeZone();
  const today = todayIn(timeZone);
  const [range, setRange] = useState<Range>(() => lastDays(DEFAULT_RANGE_DAYS, today));
  const [compare, setCompare] = useState(true);
  const dashboard = useClientDashboard(clientId, { ...range, compare: compare ? 'previous' : 'none' });
  const { lookup, ready } = useMetricLookup();
  const data = dashboard.data;

  return (
    <section className="card panel" aria-labelledby="dashboard-title">
      <header className="panel__header">
        <h2 id="dashboard-title" className="panel__title">
          Dashboard
        </h2>
        {dashboard.isFetching && !dashboard.isPending && <span className="table__secondary">Updating…</span>}
      </header>
      <RangePicker
        range={range}
        compare={compare}
        today={today}
        timeZone={timeZone}
        onRangeChange={setRange}
        onCompareChange={setCompare}
      />
      {(dashboard.isPending || !ready) && <Spinner label="Loading dashboard…" />}
      {dashboard.isError && <ErrorBanner error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
      {ready && data && !hasData(data) && (
        <EmptyState title="No data yet — connect an integration">
          Data shows here a moment after the first sync of a connected integration.
        </EmptyState>
      )}
      {ready && data && hasData(data) && <DashboardBody data={data} lookup={lookup} />}
    </section>
  );
}

function DashboardBody({ data, lookup }: { data: Dashboard; lookup: MetricLookup }) {
  const [showAll, setShowAll] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const providerName = useProviderNames();
  const present = presentMetrics(data, lookup);
  const headline = headlineOf(present);
  const shown = showAll ? present : headline;
  const kpis = data.kpis.filter((k) => shown.includes(k.metric));
  // the chart offers what the tiles show; a pick that left the range (or the tiles) falls back to the first tile
  const stillShown = picked.filter((m) => shown.includes(m));
  const charted = stillShown.length > 0 ? stillShown : shown.slice(0, 1);
  const hiddenCount = present.length - headline.length;

  return (
    <>
      <p className="dashboard__range" role="status">
        Showing {daysBetween(data.from, data.to)} days · {formatDayRange(data.from, data.to)}
        {data.compare === 'previous' && data.previousFrom && data.previousTo && (
          <> · compared with {formatDayRange(data.previousFrom, data.previousTo)}</>
        )}
      </p>
      {!data.currency && data.currencies.length > 1 && (
        <p className="notice">Money metrics mix currencies ({data.currencies.join(', ')}) and are shown without a symbol.</p>
      )}
      <KpiTiles kpis={kpis} lookup={lookup} currency={data.currency} compare={data.compare === 'previous'} />
      {hiddenCount > 0 && (
        <button
          type="button"
          className="button button--ghost button--small dashboard__toggle"
          aria-expanded={showAll}
          onClick={() => setShowAll((v) => !v)}
        >
          {showAll ? 'Show headline metrics only' : `Show all metrics (${hiddenCount} more)`}
        </button>
      )}
      <div className="dashboard__chart-head">
        <h3 className="dashboard__subtitle">Per day</h3>
        <ToggleChips
          label="Charted metrics"
          options={shown.map((m) => ({ value: m, label: lookup.label(m) }))}
          selected={charted}
          max={MAX_CHARTS}
          onChange={setPicked}
        />
      </div>
      <MetricCharts series={data.series} metrics={charted} lookup={lookup} currency={data.currency} />
      <h3 className="dashboard__subtitle">By provider</h3>
      <ProviderTable rows={data.byProvider} metrics={shown} lookup={lookup} currency={data.currency} providerName={providerName} />
      {data.freshness.length > 0 && (
        <ul className="freshness" aria-label="Data freshness">
          {data.freshness.map((f) => (
            <li key={f.provider}>
              {providerName(f.provider)}: data through {formatDay(f.dataThrough)} · last synced{' '}
              {f.lastSyncAt ? <time dateTime={f.lastSyncAt}>{formatRelative(f.lastSyncAt)}</time> : 'never'}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
