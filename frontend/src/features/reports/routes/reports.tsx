import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '@/components/empty-state';
import { ErrorBanner } from '@/components/error-banner';
import { Pagination } from '@/components/pagination';
import { Spinner } from '@/components/spinner';
import { useMetricLookup } from '@/features/metrics';
import { useAuth } from '@/lib/auth';
import { useClientOptions } from '../api/get-client-options';
import { useReports } from '../api/get-reports';
import { canEditReports } from '../components/permissions';
import { ReportsTable } from '../components/reports-table';

const PAGE_SIZE = 20;

export function ReportsRoute() {
  const [params, setParams] = useSearchParams();
  const { user } = useAuth();
  const clientId = params.get('clientId') ?? '';
  const page = Math.max(0, Number(params.get('page') ?? 0) || 0);
  const reports = useReports({ clientId: clientId || undefined, page, size: PAGE_SIZE });
  const clients = useClientOptions();
  const { lookup } = useMetricLookup();
  const data = reports.data;
  const clientName = clients.data?.find((c) => c.id === clientId)?.name;

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === '') next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );

  return (
    <section className="page">
      <header className="page__header">
        <div>
          <h1 className="page__title">Reports</h1>
          <p className="page__subtitle">Saved selections of metrics, exported as CSV or PDF and e-mailed on a schedule.</p>
        </div>
        {canEditReports(user) && (
          <Link className="button button--primary" to={clientId ? `/reports/new?clientId=${encodeURIComponent(clientId)}` : '/reports/new'}>
            New report
          </Link>
        )}
      </header>

      <div className="toolbar">
        <div className="field field--inline">
          <label className="field__label" htmlFor="report-client-filter">
            Client
          </label>
          <select
            id="report-client-filter"
            className="input"
            value={clientId}
            onChange={(e) => update({ clientId: e.target.value || null, page: null })}
          >
            <option value="">All clients</option>
            {clients.data?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
            {clientId && clients.data && !clientName && <option value={clientId}>This client</option>}
          </select>
        </div>
      </div>

      {reports.isPending && <Spinner label="Loading reports…" />}
      {reports.isError && <ErrorBanner error={reports.error} onRetry={() => void reports.refetch()} />}
      {data && data.items.length === 0 && (
        <EmptyState
          title={clientId ? `No reports for ${clientName ?? 'this client'} yet` : 'No reports yet'}
          action={
            canEditReports(user) ? (
              <Link to={clientId ? `/reports/new?clientId=${encodeURIComponent(clientId)}` : '/reports/new'}>Create the first report</Link>
            ) : undefined
          }
        >
          A report keeps a client’s chosen metrics and period, ready to export or e-mail every week or month.
        </EmptyState>
      )}
      {data && data.items.length > 0 && (
        <>
          <ReportsTable reports={data.items} lookup={lookup} showClient={!clientId} />
          {data.total > data.size && (
            <Pagination page={data.page} size={data.size} total={data.total} onPageChange={(p) => update({ page: p > 0 ? String(p) : null })} />
          )}
        </>
      )}
    </section>
  );
}
