const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const numberFmt = new Intl.NumberFormat();

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : dateTime.format(d);
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 minutes ago", "yesterday", "just now" — for timestamps in lists. */
export function formatRelative(iso: string | null | undefined, now: number = Date.now(), locale?: string): string {
  if (!iso) return '—';
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) return '—';
  const seconds = Math.round((at - now) / 1000);
  if (Math.abs(seconds) < 45) return 'just now';
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  }
  return rtf.format(Math.round(seconds / 60), 'minute');
}

export function formatNumber(n: number | null | undefined): string {
  return typeof n === 'number' && Number.isFinite(n) ? numberFmt.format(n) : '—';
}

/** "1–20 of 45" */
export function formatRange(page: number, size: number, total: number): string {
  if (total === 0) return '0 of 0';
  const from = page * size + 1;
  const to = Math.min(total, (page + 1) * size);
  return `${formatNumber(from)}–${formatNumber(to)} of ${formatNumber(total)}`;
}

/** Money with its ISO currency ("$1,234.50"); without a currency (mixed or unknown) a plain 2-decimal number. */
export function formatMoney(n: number | null | undefined, currency?: string | null, locale?: string): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return '—';
  if (currency) {
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(n);
    } catch {
      // unknown currency code: fall through to a plain number with the code
      return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n)} ${currency}`;
    }
  }
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
}

/** A fraction as a percentage: 0.0345 → "3.45%". */
export function formatPercent(fraction: number | null | undefined, locale?: string): string {
  if (typeof fraction !== 'number' || !Number.isFinite(fraction)) return '—';
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(fraction);
}

/** A multiplier such as ROAS: 3.456 → "3.46x". */
export function formatMultiplier(n: number | null | undefined, locale?: string): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return '—';
  return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n)}x`;
}

/** A change already in percent points: 12.5 → "12.5%", -3 → "3%" (the sign is the arrow's job). */
export function formatChangePct(pct: number | null | undefined, locale?: string): string {
  if (typeof pct !== 'number' || !Number.isFinite(pct)) return '—';
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(Math.abs(pct))}%`;
}

/** Local calendar date as YYYY-MM-DD (what <input type="date"> and the API use). */
export function toIsoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The last `days` days ending today (inclusive), as ISO dates. */
export function lastDays(days: number, today: Date = new Date()): { from: string; to: string } {
  const from = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1));
  return { from: toIsoDate(from), to: toIsoDate(today) };
}

/** Inclusive number of days between two ISO dates, or 0 when either is invalid or reversed. */
export function daysBetween(from: string, to: string): number {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b) || b < a) return 0;
  return Math.round((b - a) / 86_400_000) + 1;
}
