import { formatMetricValue, type MetricLookup } from '@/features/metrics';
import type { ClientDashboard } from '../api/types';

type Props = {
  rows: ClientDashboard['byProvider'];
  metrics: string[];
  lookup: MetricLookup;
  currency: string | null;
  providerName: (key: string) => string;
};

/** One row per data source; wide with the whole vocabulary, so it scrolls sideways with the source column fixed. */
export function ProviderTable({ rows, metrics, lookup, currency, providerName }: Props) {
  return (
    <div className="table-wrap table-wrap--scroll" role="region" aria-label="By provider, scrolls sideways" tabIndex={0}>
      <table className="table table--sticky-first" aria-label="By provider">
        <thead>
          <tr>
            <th scope="col">Provider</th>
            {metrics.map((m) => (
              <th key={m} scope="col" className="table__num">
                {lookup.label(m)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.provider}>
              <th scope="row" className="table__primary">
                {providerName(row.provider)}
              </th>
              {metrics.map((m) => (
                <td key={m} className="table__num">
                  {formatMetricValue(lookup, m, row.values[m], currency)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
