import { formatMoney, formatMultiplier, formatPercent } from '@/lib/format';
import type { Num } from '../api/types';

export type MetricKind = 'count' | 'money' | 'percent' | 'multiplier';

const METRICS: Record<string, { label: string; kind: MetricKind; lowerIsBetter?: boolean }> = {
  sessions: { label: 'Sessions', kind: 'count' },
  users: { label: 'Users', kind: 'count' },
  conversions: { label: 'Conversions', kind: 'count' },
  revenue: { label: 'Revenue', kind: 'money' },
  impressions: { label: 'Impressions', kind: 'count' },
  clicks: { label: 'Clicks', kind: 'count' },
  cost: { label: 'Cost', kind: 'money', lowerIsBetter: true },
  ctr: { label: 'CTR', kind: 'percent' },
  cpc: { label: 'CPC', kind: 'money', lowerIsBetter: true },
  roas: { label: 'ROAS', kind: 'multiplier' },
  conversion_rate: { label: 'Conversion rate', kind: 'percent' },
};

export function toNumber(v: Num | undefined): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

export function metricLabel(metric: string): string {
  const known = METRICS[metric]?.label;
  if (known) return known;
  const words = metric.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function metricKind(metric: string): MetricKind {
  return METRICS[metric]?.kind ?? 'count';
}

/** Counts with separators, money with the currency, ctr/conversion rate as %, ROAS as x; "—" when missing. */
export function formatMetric(metric: string, value: Num | undefined, currency?: string | null, locale?: string): string {
  const n = toNumber(value);
  switch (metricKind(metric)) {
    case 'money':
      return formatMoney(n, currency, locale);
    case 'percent':
      return formatPercent(n, locale);
    case 'multiplier':
      return formatMultiplier(n, locale);
    default:
      return n === null ? '—' : new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(n);
  }
}

export type ChangeDirection = 'up' | 'down' | 'flat';
export type ChangeTone = 'good' | 'bad' | 'neutral';

export type Change = { direction: ChangeDirection; arrow: '▲' | '▼' | ''; tone: ChangeTone };

/** Arrow and colour of a KPI's change; for cost-like metrics going up is bad. null when there is nothing to compare. */
export function describeChange(metric: string, changePct: Num | undefined): Change | null {
  const pct = toNumber(changePct);
  if (pct === null) return null;
  if (pct === 0) return { direction: 'flat', arrow: '', tone: 'neutral' };
  const up = pct > 0;
  const better = METRICS[metric]?.lowerIsBetter ? !up : up;
  return { direction: up ? 'up' : 'down', arrow: up ? '▲' : '▼', tone: better ? 'good' : 'bad' };
}
