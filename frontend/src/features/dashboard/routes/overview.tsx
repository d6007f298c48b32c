import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '@/components/empty-state';
import { ErrorBanner } from '@/components/error-banner';
import { Spinner } from '@/components/spinner';
import { formatMetricValue, useMetricLookup, type MetricLookup } from '@/features/metrics';
import { OAuthReturnNotice } from '@/features/integrations';
import { useAgencyTimeZone, useAuth } from '@/lib/auth';
import { formatDateTime, formatDayRange, formatRelative, lastDays, todayIn } from '@/lib/format';
import { canWrite } from '@/lib/roles';
import { useOverview } from '../api/get-overview';
import type { OverviewRow } from '../api/types';
import { PRESETS } from '../components/range-picker';
import { summarizeHealth } from '../utils/health';

/** The overview's columns (what `GET /api/dashboard` sums per client). */
const OVERVIEW_METRICS = ['sessions', 'conversions', 'revenue', 'cost', 'roas'] as const;

export function OverviewRoute() {
  const [days, setDays] = useState<number>(30);
  const { user } = useAuth();
  const timeZone = useAgencyTimeZone();
  const range = lastDays(days, todayIn(timeZone));
  const overview = useOverview(range);
  const { lookup } = useMetricLookup();

  return (
    <section className="page">
      <header className="page__header">
        <div>
          <h1 className="page__title">Overview</h1>
          <p className="page__subtitle">
            All clients, last {days} days · {formatDayRange(range.from, range.to)} · days are in {timeZone}
          </p>
        </div>
        <div className="range-picker__presets" role="group" aria-label="Date range">
          {PRESETS.map((d) => (
            <button
              key={d}
              type="button"
              className={d === days ? 'button button--small button--selected' : 'button button--small'}
              aria-pressed={d === days}
              onClick={() => setDays(d)}
            >
              Last {d} days
            </button>
          ))}
        </div>
      </header>
      <OAuthReturnNotice />
      {overview.isPending && <Spinner label="Loading overview…" />}
      {overview.isError && <ErrorBanner error={overview.error} onRetry={() => void overview.refetch()} />}
      {overview.data && overview.data.clients.length === 0 && (
        <EmptyState
          title="No clients yet"
          action={canWrite(user) ? <Link to="/clients/new">Add your first client</Link> : undefined}
        />
      )}
      {overview.data && overview.data.clients.length > 0 && <OverviewTable rows={overview.data.clients} lookup={lookup} />}
    </section>
  );
}

function Health({ health }: { health: OverviewRow['integrations'] }) {
  const summary = summarizeHealth(health);
  if (!summary) return <span className="table__secondary">None</span>;
  return (
    <span>
      <span className={`badge badge--${summary.tone}`}>{summary.label}</span>{' '}
      <span className="table__secondary">
        {health.healthy}/{health.total} healthy
      </span>
    </span>
  );
}

function OverviewTable({ rows, lookup }: { rows: OverviewRow[]; lookup: MetricLookup }) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Clients overview">
        <thead>
          <tr>
            <th scope="col">Client</th>
            {OVERVIEW_METRICS.map((m) => (
              <th key={m} scope="col" className="table__num">
                {lookup.label(m)}
              </th>
            ))}
            <th scope="col">Integrations</th>
            <th scope="col">Last sync</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.clientId}>
              <td>
                <Link to={`/clients/${row.clientId}`} className="table__primary">
                  {row.name}
                </Link>
                {!row.currency && (row.currencies?.length ?? 0) > 1 && (
                  <div className="table__secondary">Mixed currencies ({row.currencies?.join(', ')}): money without a symbol</div>
                )}
              </td>
              {OVERVIEW_METRICS.map((m) => (
                <td key={m} className="table__num">
                  {formatMetricValue(lookup, m, row.kpis[m], row.currency)}
                </td>
              ))}
              <td>
                <Health health={row.integrations} />
              </td>
              <td>
                {row.lastSyncAt ? (
                  <time dateTime={row.lastSyncAt} title={formatDateTime(row.lastSyncAt)}>
                    {formatRelative(row.lastSyncAt)}
                  </time>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
