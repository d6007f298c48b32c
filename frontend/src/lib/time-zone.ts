/** The browser's IANA time zone ("Europe/Berlin"); undefined when the browser cannot tell. */
export function browserTimeZone(): string | undefined {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return zone || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The zones to choose from: the browser's list of IANA regions (fixed offsets such as "Etc/GMT+5" are left out —
 * they ignore daylight saving time and the server refuses them), with `current` kept even if it is not listed.
 */
export function timeZoneChoices(current?: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  const regions = zones.filter((z) => z.includes('/') && !z.startsWith('Etc/'));
  const all = new Set(['UTC', ...regions]);
  if (current) all.add(current);
  return [...all].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;
const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function knownZone(timeZone: string | null | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    wallClock(timeZone);
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** The wall clock in `timeZone` at an instant, as the numbers of its fields. */
function wallClockAt(ms: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const part of wallClock(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms (Europe/Berlin in summer: 7,200,000). */
function offsetAt(ms: number, timeZone: string): number {
  const p = wallClockAt(ms, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
}

/**
 * A wall-clock time as `<input type="datetime-local">` gives it ("2026-12-05T18:00" or with seconds) read in the
 * agency's zone, as an ISO instant ("2026-12-05T17:00:00.000Z"); undefined when it is not such a time. A time the
 * clocks skip when daylight saving time starts lands just after the jump; one they pass twice when it ends is the
 * earlier. Unknown zones count as UTC.
 */
export function zonedLocalToInstant(local: string, timeZone: string | null | undefined): string | undefined {
  const match = LOCAL_DATE_TIME.exec(local.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second = '0', fraction = '0'] = match.slice(1);
  const asUtc = Date.UTC(+year!, +month! - 1, +day!, +hour!, +minute!, +second, +fraction.padEnd(3, '0'));
  if (Number.isNaN(asUtc) || new Date(asUtc).getUTCDate() !== +day!) return undefined;
  const zone = knownZone(timeZone);
  // the offsets a day either side cover a clock change; a time that exists twice (the clocks go back) is the first
  const offsets = [offsetAt(asUtc - DAY_MS, zone), offsetAt(asUtc + DAY_MS, zone)];
  const fits = offsets.map((o) => asUtc - o).filter((t) => asUtc - offsetAt(t, zone) === t);
  return new Date(fits.length > 0 ? Math.min(...fits) : asUtc - offsets[0]!).toISOString();
}

/** An ISO instant as the agency's wall clock, the way datetime-local inputs take it ("2026-12-05T18:00:00"). */
export function instantToZonedLocal(iso: string | null | undefined, timeZone: string | null | undefined): string | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return undefined;
  const p = wallClockAt(ms, knownZone(timeZone));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}:${two(p.second)}`;
}
