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
