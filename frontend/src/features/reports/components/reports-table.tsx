import { Link } from 'react-router';
import type { MetricLookup } from '@/features/metrics';
import { formatDateTime, formatRelative } from '@/lib/format';
import type { Report } from '../api/types';
import { describeRange, describeSchedule } from '../utils/report-summary';
import { ExportButtons } from './export-buttons';

type Props = { reports: Report[]; lookup: MetricLookup; showClient: boolean };

function metricsSummary(metrics: string[], lookup: MetricLookup): string {
  const labels = metrics.map(lookup.label);
  return labels.length <= 3 ? labels.join(', ') : `${labels.slice(0, 3).join(', ')} +${labels.length - 3}`;
}

export function ReportsTable({ reports, lookup, showClient }: Props) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Reports">
        <thead>
          <tr>
            <th scope="col">Report</th>
            {showClient && <th scope="col">Client</th>}
            <th scope="col">Period</th>
            <th scope="col">Schedule</th>
            <th scope="col">Last sent</th>
            <th scope="col">
              <span className="visually-hidden">Exports</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {reports.map((r) => (
            <tr key={r.id}>
              <td>
                <Link to={`/reports/${r.id}`} className="table__primary">
                  {r.title}
                </Link>
                <div className="table__secondary">{metricsSummary(r.metrics, lookup)}</div>
              </td>
              {showClient && (
                <td>
                  <Link to={`/clients/${r.clientId}`}>{r.clientName}</Link>
                </td>
              )}
              <td>{describeRange(r)}</td>
              <td>{r.schedule ? describeSchedule(r.schedule) : <span className="table__secondary">Not scheduled</span>}</td>
              <td>
                {r.lastDeliveredAt ? (
                  <time dateTime={r.lastDeliveredAt} title={formatDateTime(r.lastDeliveredAt)}>
                    {formatRelative(r.lastDeliveredAt)}
                  </time>
                ) : (
                  <span className="table__secondary">Never</span>
                )}
              </td>
              <td className="table__actions">
                <ExportButtons reportId={r.id} compact subject={r.title} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
