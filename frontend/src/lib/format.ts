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

/** A multiplier such as ROAS: 3.21 → "3.2×"; below 1 two decimals, so 0.04 does not read "0.0×". */
export function formatMultiplier(n: number | null | undefined, locale?: string): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return '—';
  const digits = Math.abs(n) < 1 ? 2 : 1;
  return `${new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n)}×`;
}

/** A plain number with one decimal, e.g. an average search position: 14.2165 → "14.2". */
export function formatDecimal(n: number | null | undefined, locale?: string, digits = 1): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return '—';
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** A count with separators; fractions (sums of averages) keep at most two decimals. */
export function formatCount(n: number | null | undefined, locale?: string): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return '—';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: Math.abs(n) >= 100 ? 0 : 2 }).format(n);
}

/**
 * Seconds as a human duration with its two largest parts: 46.1 → "46s", 155 → "2m 35s", 3_720 → "1h 2m",
 * 3_120_496 → "36d 2h". Sub-second values keep one decimal ("0.4s").
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return '—';
  const sign = seconds < 0 ? '-' : '';
  const abs = Math.abs(seconds);
  if (abs < 1) return `${sign}${abs === 0 ? 0 : Math.round(abs * 10) / 10}s`;
  const total = Math.round(abs);
  const parts: [number, string][] = [
    [Math.floor(total / 86_400), 'd'],
    [Math.floor((total % 86_400) / 3_600), 'h'],
    [Math.floor((total % 3_600) / 60), 'm'],
    [total % 60, 's'],
  ];
  const first = parts.findIndex(([value]) => value > 0);
  const shown = parts.slice(first, first + 2).filter(([value], i) => i === 0 || value > 0);
  return sign + shown.map(([value, unit]) => `${value}${unit}`).join(' ');
}

/** A change already in percent points: 12.5 → "12.5%", -3 → "3%" (the sign is the arrow's job). */
export function formatChangePct(pct: number | null | undefined, locale?: string): string {
  if (typeof pct !== 'number' || !Number.isFinite(pct)) return '—';
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(Math.abs(pct))}%`;
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const dayMonthFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** A calendar day (YYYY-MM-DD, no zone) for people: "30 Nov 2026". */
export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  const at = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(at) ? iso : dayFormat.format(at);
}

/** "1 – 30 Nov 2026", "28 Oct – 3 Nov 2026", "28 Dec 2025 – 3 Jan 2026". */
export function formatDayRange(from: string | null | undefined, to: string | null | undefined): string {
  if (!from || !to) return `${formatDay(from)} – ${formatDay(to)}`;
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b)) return `${from} – ${to}`;
  if (from === to) return formatDay(from);
  if (from.slice(0, 4) !== to.slice(0, 4)) return `${formatDay(from)} – ${formatDay(to)}`;
  if (from.slice(0, 7) === to.slice(0, 7)) return `${Number(from.slice(8, 10))} – ${formatDay(to)}`;
  return `${dayMonthFormat.format(a)} – ${formatDay(to)}`;
}

/** Today's date in an IANA time zone as YYYY-MM-DD (the agency's "today", not the browser's). */
export function todayIn(timeZone: string | null | undefined, now: Date = new Date()): string {
  if (timeZone) {
    try {
      // en-CA formats dates as YYYY-MM-DD
      return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
    } catch {
      // unknown zone: the browser's day
    }
  }
  return toIsoDate(now);
}

/** An ISO date plus `days` (negative to go back). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Local calendar date as YYYY-MM-DD (what <input type="date"> and the API use). */
export function toIsoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The last `days` days ending today (inclusive), as ISO dates; `today` as a Date (local) or a YYYY-MM-DD. */
export function lastDays(days: number, today: Date | string = new Date()): { from: string; to: string } {
  const to = typeof today === 'string' ? today : toIsoDate(today);
  return { from: addDays(to, -(days - 1)), to };
}

/** Inclusive number of days between two ISO dates, or 0 when either is invalid or reversed. */
export function daysBetween(from: string, to: string): number {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b) || b < a) return 0;
  return Math.round((b - a) / 86_400_000) + 1;
}
