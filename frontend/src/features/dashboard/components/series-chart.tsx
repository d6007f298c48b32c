import type { ClientDashboard } from '../api/types';
import { formatMetric, metricLabel, toNumber } from './metrics';

const W = 720;
const H = 240;
const PAD = { top: 12, right: 16, bottom: 28, left: 72 };

type Props = { series: ClientDashboard['series']; metric: string; currency: string | null };

/** A daily line for one metric as inline SVG; days without a value break the line. */
export function SeriesChart({ series, metric, currency }: Props) {
  const points = series.map((p) => ({ date: p.date, value: toNumber(p.values[metric]) }));
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const label = metricLabel(metric);
  if (values.length === 0) {
    return <p className="chart__empty">No {label.toLowerCase()} data in this range.</p>;
  }
  const max = Math.max(...values, 0);
  const min = Math.min(...values, 0);
  const span = max - min || 1;
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length <= 1 ? innerW / 2 : (i / (points.length - 1)) * innerW);
  const y = (v: number) => PAD.top + innerH - ((v - min) / span) * innerH;

  // consecutive days with values form one polyline
  const segments: string[] = [];
  let current: string[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current.length) segments.push(current.join(' '));
      current = [];
    } else {
      current.push(`${x(i).toFixed(1)},${y(p.value).toFixed(1)}`);
    }
  });
  if (current.length) segments.push(current.join(' '));

  const first = points[0];
  const last = points[points.length - 1];
  const ticks = [max, (max + min) / 2, min];

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${label} per day from ${first?.date} to ${last?.date}`} className="chart__svg">
        {ticks.map((t, i) => (
          <g key={i}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} className="chart__grid" />
            <text x={PAD.left - 8} y={y(t)} dy="0.32em" textAnchor="end" className="chart__tick">
              {formatMetric(metric, t, currency)}
            </text>
          </g>
        ))}
        {segments.map((s, i) =>
          s.includes(' ') ? (
            <polyline key={i} points={s} className="chart__line" />
          ) : (
            <circle key={i} cx={s.split(',')[0]} cy={s.split(',')[1]} r={2.5} className="chart__dot" />
          ),
        )}
        {first && (
          <text x={PAD.left} y={H - 8} textAnchor="start" className="chart__tick">
            {first.date}
          </text>
        )}
        {last && points.length > 1 && (
          <text x={W - PAD.right} y={H - 8} textAnchor="end" className="chart__tick">
            {last.date}
          </text>
        )}
      </svg>
    </figure>
  );
}
