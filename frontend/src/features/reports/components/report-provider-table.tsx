import { formatUnitValue, type MetricLookup } from '@/features/metrics';
import type { ReportData } from '../api/types';

type Props = { data: ReportData; lookup: MetricLookup };

/** The report's metrics per data source; scrolls sideways when there are many. */
export function ReportProviderTable({ data, lookup }: Props) {
  const metrics = data.kpis.map((k) => ({ key: k.metric, label: k.label || lookup.label(k.metric), unit: k.unit }));
  return (
    <div className="table-wrap table-wrap--scroll" role="region" aria-label="By data source, scrolls sideways" tabIndex={0}>
      <table className="table table--sticky-first" aria-label="By data source">
        <thead>
          <tr>
            <th scope="col">Data source</th>
            {metrics.map((m) => (
              <th key={m.key} scope="col" className="table__num">
                {m.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.byProvider.map((row) => (
            <tr key={row.provider}>
              <th scope="row" className="table__primary">
                {row.name || row.provider}
              </th>
              {metrics.map((m) => (
                <td key={m.key} className="table__num">
                  {formatUnitValue(m.unit, row.values[m.key], data.currency)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
