import { useId, useState } from 'react';
import { EmptyState } from '@/components/empty-state';
import { ErrorBanner } from '@/components/error-banner';
import { Spinner } from '@/components/spinner';
import { daysBetween, formatDateTime, lastDays } from '@/lib/format';
import { useClientDashboard } from '../api/get-client-dashboard';
import type { ClientDashboard as Dashboard } from '../api/types';
import { KpiTiles } from './kpi-tiles';
import { metricLabel } from './metrics';
import { ProviderTable } from './provider-table';
import { RangePicker, type Range } from './range-picker';
import { SeriesChart } from './series-chart';

export const DEFAULT_RANGE_DAYS = 30;

function hasData(d: Dashboard): boolean {
  return d.byProvider.length > 0 || d.series.some((p) => Object.keys(p.values).length > 0);
}

export function ClientDashboard({ clientId }: { clientId: string }) {
  const [range, setRange] = useState<Range>(() => lastDays(DEFAULT_RANGE_DAYS));
  const [compare, setCompare] = useState(true);
  const [metric, setMetric] = useState('sessions');
  const metricId = useId();
  const dashboard = useClientDashboard(clientId, { ...range, compare: compare ? 'previous' : 'none' });
  const data = dashboard.data;
  const metrics = data?.kpis.map((k) => k.metric) ?? [];
  const chartMetric = metrics.includes(metric) ? metric : (metrics[0] ?? metric);

  return (
    <section className="card panel" aria-labelledby="dashboard-title">
      <header className="panel__header">
        <h2 id="dashboard-title" className="panel__title">
          Dashboard
        </h2>
        {dashboard.isFetching && !dashboard.isPending && <span className="table__secondary">Updating…</span>}
      </header>
      <RangePicker range={range} compare={compare} onRangeChange={setRange} onCompareChange={setCompare} />
      {dashboard.isPending && <Spinner label="Loading dashboard…" />}
      {dashboard.isError && <ErrorBanner error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
      {data && !hasData(data) && <EmptyState title="No data yet — connect an integration" />}
      {data && hasData(data) && (
        <>
          <p className="dashboard__range" role="status">
            Showing {daysBetween(data.from, data.to)} days · {data.from} – {data.to}
            {data.compare === 'previous' && data.previousFrom && data.previousTo && (
              <> · compared with {data.previousFrom} – {data.previousTo}</>
            )}
          </p>
          {!data.currency && data.currencies.length > 1 && (
            <p className="notice">Money metrics mix currencies ({data.currencies.join(', ')}) and are shown without a symbol.</p>
          )}
          <KpiTiles kpis={data.kpis} currency={data.currency} compare={data.compare === 'previous'} />
          <div className="dashboard__chart-head">
            <h3 className="dashboard__subtitle">{metricLabel(chartMetric)} per day</h3>
            <div className="field field--inline">
              <label className="field__label" htmlFor={metricId}>
                Metric
              </label>
              <select id={metricId} className="input input--compact" value={chartMetric} onChange={(e) => setMetric(e.target.value)}>
                {metrics.map((m) => (
                  <option key={m} value={m}>
                    {metricLabel(m)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <SeriesChart series={data.series} metric={chartMetric} currency={data.currency} />
          <h3 className="dashboard__subtitle">By provider</h3>
          <ProviderTable rows={data.byProvider} metrics={metrics} currency={data.currency} />
          {data.freshness.length > 0 && (
            <ul className="freshness" aria-label="Data freshness">
              {data.freshness.map((f) => (
                <li key={f.provider}>
                  Data as of {f.dataThrough ?? '—'} ({f.provider}, last sync {formatDateTime(f.lastSyncAt)})
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
