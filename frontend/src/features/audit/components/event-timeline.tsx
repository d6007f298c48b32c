import { formatDay } from '@/lib/format';
import type { AuditEvent } from '../api/types';
import { groupByDay } from '../utils/timeline';
import { EventRow } from './event-row';

type Props = { events: AuditEvent[]; timeZone: string; onSameRequest: (correlationId: string) => void };

/** The search's events by the agency's days, newest first. */
export function EventTimeline({ events, timeZone, onSameRequest }: Props) {
  return (
    <div className="timeline">
      {groupByDay(events, timeZone).map(({ day, events: ofDay }) => (
        <section key={day} className="timeline__day" aria-labelledby={`day-${day}`}>
          <h3 className="timeline__day-title" id={`day-${day}`}>
            {formatDay(day)}
          </h3>
          <ol className="timeline__events" aria-label={`Events on ${formatDay(day)}`}>
            {ofDay.map((event) => (
              <EventRow key={event.position} event={event} timeZone={timeZone} onSameRequest={onSameRequest} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
