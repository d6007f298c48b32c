import { LineChart } from '@/components/line-chart';
import { formatMetricValue, toNumber, type MetricLookup, type Num } from '../utils/catalogue';

type Props = {
  series: { date: string; values: Record<string, Num> }[];
  metrics: string[];
  lookup: MetricLookup;
  currency: string | null;
};

/** One small chart per chosen metric: metrics in different units never share an axis. */
export function MetricCharts({ series, metrics, lookup, currency }: Props) {
  return (
    <div className="charts">
      {metrics.map((metric) => {
        const label = lookup.label(metric);
        return (
          <section key={metric} className="charts__item" aria-label={`${label} per day`}>
            <h4 className="charts__title">{label}</h4>
            <LineChart
              label={label}
              points={series.map((p) => ({ date: p.date, value: toNumber(p.values[metric]) }))}
              format={(v) => formatMetricValue(lookup, metric, v, currency)}
              compact={metrics.length > 1}
            />
          </section>
        );
      })}
    </div>
  );
}
