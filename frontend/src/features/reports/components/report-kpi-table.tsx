import { formatUnitValue, MetricChange, type MetricLookup } from '@/features/metrics';
import type { ReportData } from '../api/types';

type Props = { data: ReportData; lookup: MetricLookup };

/** Each metric with its previous period and the change, arrows coloured by whether the change is good news. */
export function ReportKpiTable({ data, lookup }: Props) {
  const compared = data.previousFrom !== null;
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Metrics">
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col" className="table__num">
              This period
            </th>
            {compared && (
              <>
                <th scope="col" className="table__num">
                  Previous period
                </th>
                <th scope="col" className="table__num">
                  Change
                </th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {data.kpis.map((kpi) => {
            const info = lookup.info(kpi.metric);
            return (
              <tr key={kpi.metric}>
                <th scope="row" className="table__primary" title={info.formula}>
                  {kpi.label || info.label}
                </th>
                <td className="table__num">{formatUnitValue(kpi.unit, kpi.value, data.currency)}</td>
                {compared && (
                  <>
                    <td className="table__num table__secondary">{formatUnitValue(kpi.unit, kpi.previousValue, data.currency)}</td>
                    <td className="table__num">
                      <MetricChange changePct={kpi.changePct} lowerIsBetter={info.lowerIsBetter} />
                    </td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
