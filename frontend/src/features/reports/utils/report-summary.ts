import { formatDayRange } from '@/lib/format';
import { RELATIVE_RANGES, type DeliveryStatus, type Report, type Schedule } from '../api/types';

/** "Last 30 days" for a rolling report, "1 – 30 Nov 2026" for a fixed one. */
export function describeRange(report: Pick<Report, 'range' | 'from' | 'to'>): string {
  if (report.range) return RELATIVE_RANGES.find((r) => r.value === report.range)?.label ?? report.range;
  return formatDayRange(report.from, report.to);
}

/** "Weekly (Mondays) · PDF · to ana@x.com and 2 more". */
export function describeSchedule(schedule: Schedule | null): string {
  if (!schedule) return 'Not scheduled';
  const when = schedule.frequency === 'weekly' ? 'Weekly (Mondays)' : 'Monthly (the 1st)';
  const [first, ...rest] = schedule.recipients;
  const to = first ? ` · to ${first}${rest.length ? ` and ${rest.length} more` : ''}` : '';
  return `${when} · ${schedule.format.toUpperCase()}${to}`;
}

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  requested: 'Sending…',
  retrying: 'Retrying',
  delivered: 'Delivered',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

const REASONS: Record<string, string> = {
  'no-smtp': 'No mail server is configured for this installation.',
  render: 'The file could not be produced.',
  smtp: 'The mail server refused or could not be reached.',
};

/** Why a delivery did not (yet) arrive, in words; the server's own message as detail. */
export function describeDeliveryProblem(reason: string | null, error: string | null): string | null {
  if (!reason && !error) return null;
  const known = reason ? REASONS[reason] : undefined;
  return known ?? error ?? reason;
}

/** 1536 → "1.5 KB". */
export function formatBytes(bytes: number | null | undefined): string {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes)) return '—';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(value)} ${units[unit]}`;
}
