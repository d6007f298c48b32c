import {
  formatCount,
  formatDecimal,
  formatDuration,
  formatMoney,
  formatMultiplier,
  formatPercent,
} from '@/lib/format';
import type { MetricCatalogue } from '../api/types';

/** Decimals may arrive as JSON numbers or strings; the UI reads them through `toNumber`. */
export type Num = number | string | null;

export type MetricInfo = {
  key: string;
  label: string;
  unit: string;
  lowerIsBetter: boolean;
  derived: boolean;
  /** derived metrics only: "Clicks ÷ Impressions" */
  formula?: string;
};

export type MetricLookup = {
  info: (key: string) => MetricInfo;
  label: (key: string) => string;
  /** What a report or a chart may show: visible base metrics, then derived ones, in catalogue order. */
  selectable: MetricInfo[];
  /** Order of a key in the catalogue (unknown keys last), to sort what a response lists. */
  rank: (key: string) => number;
  /** An input to a derived metric (e.g. position × impressions), never shown on its own. */
  isHidden: (key: string) => boolean;
};

/**
 * The dashboard's headline tiles, in this order, when present; everything else waits behind "Show all metrics".
 * A product choice, not vocabulary: labels and units still come from the catalogue.
 */
export const HEADLINE_METRICS = [
  'sessions',
  'users',
  'conversions',
  'revenue',
  'cost',
  'roas',
  'ctr',
  'cpc',
  'organic_clicks',
  'position',
] as const;

export function toNumber(v: Num | undefined): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

/** "video_views" → "Video views": for a key the catalogue does not know (yet). */
export function humanize(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Builds the lookup from the catalogue; without one (still loading, failed) keys get humanized labels and counts. */
export function buildLookup(catalogue: MetricCatalogue | undefined): MetricLookup {
  const byKey = new Map<string, MetricInfo>();
  const order: string[] = [];
  for (const m of catalogue?.base ?? []) {
    byKey.set(m.key, { key: m.key, label: m.label, unit: m.unit, lowerIsBetter: m.lowerIsBetter, derived: false });
    order.push(m.key);
  }
  for (const m of catalogue?.derived ?? []) {
    const part = (k: string) => byKey.get(k)?.label ?? humanize(k);
    byKey.set(m.key, {
      key: m.key,
      label: m.label,
      unit: m.unit,
      lowerIsBetter: m.lowerIsBetter,
      derived: true,
      formula: `${part(m.numerator)} ÷ ${part(m.denominator)}${m.factor !== 1 ? ` × ${m.factor}` : ''}`,
    });
    order.push(m.key);
  }
  const hidden = new Set((catalogue?.base ?? []).filter((m) => m.hidden).map((m) => m.key));
  const info = (key: string): MetricInfo =>
    byKey.get(key) ?? { key, label: humanize(key), unit: 'count', lowerIsBetter: false, derived: false };
  return {
    info,
    label: (key) => info(key).label,
    selectable: order.filter((k) => !hidden.has(k)).map(info),
    rank: (key) => {
      const i = order.indexOf(key);
      return i === -1 ? order.length : i;
    },
    isHidden: (key) => hidden.has(key),
  };
}

/**
 * A value for people, by unit: counts with separators, money with its currency, seconds as a duration ("2m 35s"),
 * ratios as a percentage, multipliers as "3.2×", plain numbers (a search position) with one decimal. "—" when
 * there is no value.
 */
export function formatUnitValue(unit: string, value: Num | undefined, currency?: string | null, locale?: string): string {
  const n = toNumber(value);
  switch (unit) {
    case 'money':
      return formatMoney(n, currency, locale);
    case 'ratio':
      return formatPercent(n, locale);
    case 'multiplier':
      return formatMultiplier(n, locale);
    case 'seconds':
      return formatDuration(n);
    case 'number':
      return formatDecimal(n, locale);
    default:
      return formatCount(n, locale);
  }
}

export function formatMetricValue(
  lookup: MetricLookup,
  key: string,
  value: Num | undefined,
  currency?: string | null,
  locale?: string,
): string {
  return formatUnitValue(lookup.info(key).unit, value, currency, locale);
}

export type ChangeDirection = 'up' | 'down' | 'flat';
export type ChangeTone = 'good' | 'bad' | 'neutral';
export type Change = { direction: ChangeDirection; arrow: '▲' | '▼' | ''; tone: ChangeTone };

/** Arrow and colour of a change in percent; a rise is bad news when lower is better (cost, CPC, position). */
export function describeChange(lowerIsBetter: boolean, changePct: Num | undefined): Change | null {
  const pct = toNumber(changePct);
  if (pct === null) return null;
  if (pct === 0) return { direction: 'flat', arrow: '', tone: 'neutral' };
  const up = pct > 0;
  const better = lowerIsBetter ? !up : up;
  return { direction: up ? 'up' : 'down', arrow: up ? '▲' : '▼', tone: better ? 'good' : 'bad' };
}

/** The headline metrics among those present, in headline order; the first few present when none is a headline. */
export function headlineOf(present: readonly string[]): string[] {
  const headline = HEADLINE_METRICS.filter((m) => present.includes(m));
  return headline.length > 0 ? headline : present.slice(0, HEADLINE_METRICS.length);
}
