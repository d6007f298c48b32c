import { formatDay } from '@/lib/format';

// drawing units; the SVG scales to its box, so a chart in a half-width box draws on a narrower canvas to keep
// its labels readable
const WIDE = { w: 720, h: 220, left: 84 };
const NARROW = { w: 440, h: 200, left: 72 };

export type ChartPoint = { date: string; value: number | null };

type Props = {
  points: ChartPoint[];
  /** what the line shows, e.g. "Sessions" */
  label: string;
  /** formats axis ticks and hover titles in the metric's unit */
  format: (value: number) => string;
  /** drawn for a box about half as wide as the page */
  compact?: boolean;
};

const shortDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

function dayLabel(iso: string): string {
  const at = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(at) ? iso : shortDay.format(at);
}

/** A daily line as inline SVG (no chart library); days without a value break the line. */
export function LineChart({ points, label, format, compact = false }: Props) {
  const size = compact ? NARROW : WIDE;
  const W = size.w;
  const H = size.h;
  const PAD = { top: 12, right: 16, bottom: 28, left: size.left };
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
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
  const segments: string[][] = [];
  let current: string[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current.length) segments.push(current);
      current = [];
    } else {
      current.push(`${x(i).toFixed(1)},${y(p.value).toFixed(1)}`);
    }
  });
  if (current.length) segments.push(current);

  const first = points[0];
  const last = points[points.length - 1];
  const middleIndex = Math.floor((points.length - 1) / 2);
  const middle = points.length > 4 ? points[middleIndex] : undefined;
  const ticks = [max, (max + min) / 2, min];

  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`${label} per day from ${formatDay(first?.date)} to ${formatDay(last?.date)}`}
        className="chart__svg"
      >
        {ticks.map((t, i) => (
          <g key={i}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} className="chart__grid" />
            <text x={PAD.left - 8} y={y(t)} dy="0.32em" textAnchor="end" className="chart__tick">
              {format(t)}
            </text>
          </g>
        ))}
        {segments.map((s, i) =>
          s.length > 1 ? (
            <polyline key={i} points={s.join(' ')} className="chart__line" />
          ) : (
            <circle key={i} cx={s[0]?.split(',')[0]} cy={s[0]?.split(',')[1]} r={2.5} className="chart__dot" />
          ),
        )}
        {points.map((p, i) =>
          p.value === null ? null : (
            // invisible targets: hovering a day shows its value
            <circle key={p.date} cx={x(i)} cy={y(p.value)} r={5} className="chart__hit">
              <title>{`${formatDay(p.date)}: ${format(p.value)}`}</title>
            </circle>
          ),
        )}
        {first && (
          <text x={PAD.left} y={H - 8} textAnchor="start" className="chart__tick">
            {dayLabel(first.date)}
          </text>
        )}
        {middle && (
          <text x={x(middleIndex)} y={H - 8} textAnchor="middle" className="chart__tick">
            {dayLabel(middle.date)}
          </text>
        )}
        {last && points.length > 1 && (
          <text x={W - PAD.right} y={H - 8} textAnchor="end" className="chart__tick">
            {dayLabel(last.date)}
          </text>
        )}
      </svg>
    </figure>
  );
}
