import { todayIn } from '@/lib/format';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, withDate: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${withDate}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' };
    if (withDate) Object.assign(options, { day: 'numeric', month: 'short', year: 'numeric' });
    try {
      f = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
    } catch {
      f = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' });
    }
    formatters.set(key, f);
  }
  return f;
}

function valid(iso: string | null | undefined): number | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/** "18:00:05" on the agency's clock: to the second, since several events often share a minute. */
export function formatTimeIn(iso: string | null | undefined, timeZone: string): string {
  const ms = valid(iso);
  return ms === undefined ? '—' : formatter(timeZone, false).format(ms);
}

/** "5 Dec 2026, 18:00:05" on the agency's clock. */
export function formatDateTimeIn(iso: string | null | undefined, timeZone: string): string {
  const ms = valid(iso);
  return ms === undefined ? '—' : formatter(timeZone, true).format(ms);
}

/** The agency's day an instant falls on, as YYYY-MM-DD. */
export function dayIn(iso: string, timeZone: string): string {
  const ms = valid(iso);
  return ms === undefined ? '' : todayIn(timeZone, new Date(ms));
}
