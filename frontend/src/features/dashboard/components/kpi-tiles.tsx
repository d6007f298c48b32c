import { formatChangePct } from '@/lib/format';
import type { Kpi } from '../api/types';
import { describeChange, formatMetric, metricLabel, toNumber } from './metrics';

type Props = { kpis: Kpi[]; currency: string | null; compare: boolean };

export function KpiTiles({ kpis, currency, compare }: Props) {
  return (
    <ul className="kpi-tiles" aria-label="Key metrics">
      {kpis.map((kpi) => {
        const label = metricLabel(kpi.metric);
        const change = compare ? describeChange(kpi.metric, kpi.changePct) : null;
        return (
          <li key={kpi.metric} className="kpi" role="group" aria-label={label}>
            <span className="kpi__label">{label}</span>
            <span className="kpi__value">{formatMetric(kpi.metric, kpi.value, currency)}</span>
            {compare && (
              <span
                className={`kpi__change kpi__change--${change?.tone ?? 'neutral'}`}
                title={`Previous period: ${formatMetric(kpi.metric, kpi.previousValue, currency)}`}
              >
                {change ? (
                  <>
                    {change.arrow && <span aria-hidden="true">{change.arrow} </span>}
                    <span className="visually-hidden">{change.direction === 'up' ? 'up ' : change.direction === 'down' ? 'down ' : 'unchanged '}</span>
                    {formatChangePct(toNumber(kpi.changePct))}
                  </>
                ) : (
                  'no previous data'
                )}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
