import { Link } from 'react-router';
import { ErrorBanner } from '@/components/error-banner';
import { Spinner } from '@/components/spinner';
import { useAuth } from '@/lib/auth';
import { useReports } from '../api/get-reports';
import { canEditReports } from './permissions';
import { describeRange, describeSchedule } from '../utils/report-summary';

const SHOWN = 5;

/** The client page's reports: the first few, a way to make one for this client, and the full list. */
export function ClientReportsPanel({ clientId, archived }: { clientId: string; archived: boolean }) {
  const { user } = useAuth();
  const reports = useReports({ clientId, page: 0, size: SHOWN });
  const data = reports.data;
  const query = `clientId=${encodeURIComponent(clientId)}`;

  return (
    <section className="card panel" aria-labelledby="client-reports-title">
      <header className="panel__header">
        <h2 id="client-reports-title" className="panel__title">
          Reports
        </h2>
        <div className="panel__actions">
          {canEditReports(user) && !archived && (
            <Link className="button" to={`/reports/new?${query}`}>
              New report
            </Link>
          )}
          {data && data.total > 0 && (
            <Link className="button button--ghost" to={`/reports?${query}`}>
              All reports for this client
            </Link>
          )}
        </div>
      </header>
      {reports.isPending && <Spinner label="Loading reports…" />}
      {reports.isError && <ErrorBanner error={reports.error} onRetry={() => void reports.refetch()} />}
      {data && data.items.length === 0 && <p className="panel__empty">No reports for this client yet.</p>}
      {data && data.items.length > 0 && (
        <ul className="report-list">
          {data.items.map((r) => (
            <li key={r.id} className="report-list__item">
              <Link to={`/reports/${r.id}`} className="table__primary">
                {r.title}
              </Link>
              <span className="table__secondary">
                {describeRange(r)} · {describeSchedule(r.schedule)}
              </span>
            </li>
          ))}
          {data.total > SHOWN && (
            <li className="report-list__more">
              <Link to={`/reports?${query}`}>{data.total - SHOWN} more…</Link>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
