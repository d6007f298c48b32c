import type { AuditEvent } from '../api/types';
import { dayIn } from './time';

export type TimelineDay = { day: string; events: AuditEvent[] };

/** Newest first, to the millisecond; events of one instant by their position in the log. */
function newestFirst(a: AuditEvent, b: AuditEvent): number {
  return Date.parse(b.timestamp) - Date.parse(a.timestamp) || b.position - a.position;
}

/** The loaded events as days of the agency's calendar, newest day and newest event first. */
export function groupByDay(events: readonly AuditEvent[], timeZone: string): TimelineDay[] {
  const days: TimelineDay[] = [];
  for (const event of [...events].sort(newestFirst)) {
    const day = dayIn(event.timestamp, timeZone);
    const last = days[days.length - 1];
    if (last?.day === day) last.events.push(event);
    else days.push({ day, events: [event] });
  }
  return days;
}
