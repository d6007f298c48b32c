import { addDays } from '@/lib/format';
import { zonedLocalToInstant } from '@/lib/time-zone';
import type { ExportRange } from '../api/downloads';

/**
 * Two days of the agency's calendar (YYYY-MM-DD, either may be empty) as instants: from the start of the first day to
 * the end of the last, that is the start of the day after it.
 */
export function exportRange(from: string, to: string, timeZone: string): ExportRange {
  return {
    from: from ? zonedLocalToInstant(`${from}T00:00`, timeZone) : undefined,
    to: to ? zonedLocalToInstant(`${addDays(to, 1)}T00:00`, timeZone) : undefined,
  };
}
