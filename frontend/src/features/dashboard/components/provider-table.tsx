import type { ClientDashboard } from '../api/types';
import { formatMetric, metricLabel } from './metrics';

type Props = { rows: ClientDashboard['byProvider']; metrics: string[]; currency: string | null };

export function ProviderTable({ rows, metrics, currency }: Props) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label="By provider">
        <thead>
          <tr>
            <th scope="col">Provider</th>
            {metrics.map((m) => (
              <th key={m} scope="col" className="table__num">
                {metricLabel(m)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.provider}>
              <th scope="row" className="table__primary">
                {row.provider}
              </th>
              {metrics.map((m) => (
                <td key={m} className="table__num">
                  {formatMetric(m, row.values[m], currency)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
