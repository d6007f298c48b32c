import { formatMetricValue, MetricChange, type MetricLookup } from '@/features/metrics';
import type { Kpi } from '../api/types';

type Props = { kpis: Kpi[]; lookup: MetricLookup; currency: string | null; compare: boolean };

export function KpiTiles({ kpis, lookup, currency, compare }: Props) {
  return (
    <ul className="kpi-tiles" aria-label="Key metrics">
      {kpis.map((kpi) => {
        const info = lookup.info(kpi.metric);
        return (
          <li key={kpi.metric} className="kpi" role="group" aria-label={info.label}>
            <span className="kpi__label" title={info.formula}>
              {info.label}
            </span>
            <span className="kpi__value">{formatMetricValue(lookup, kpi.metric, kpi.value, currency)}</span>
            {compare && (
              <MetricChange
                className="kpi__change"
                changePct={kpi.changePct}
                lowerIsBetter={info.lowerIsBetter}
                title={`Previous period: ${formatMetricValue(lookup, kpi.metric, kpi.previousValue, currency)}`}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
