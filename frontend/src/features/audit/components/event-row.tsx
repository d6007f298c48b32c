import { useId, useState } from 'react';
import type { AuditEvent } from '../api/types';
import { formatDateTimeIn, formatTimeIn } from '../utils/time';
import { ActorLabel } from './actor-label';
import { AggregateLink } from './aggregate-link';
import { EventDetails } from './event-details';

type Props = { event: AuditEvent; timeZone: string; onSameRequest: (correlationId: string) => void };

export function EventRow({ event, timeZone, onSameRequest }: Props) {
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  return (
    <li className="timeline__event">
      <div className="timeline__main">
        <time className="timeline__time" dateTime={event.timestamp} title={formatDateTimeIn(event.timestamp, timeZone)}>
          {formatTimeIn(event.timestamp, timeZone)}
        </time>
        <div className="timeline__body">
          <p className="timeline__summary">{event.summary}</p>
          <p className="timeline__meta">
            <ActorLabel actor={event.actor} />
            {event.ip && <span>IP {event.ip}</span>}
            <code>{event.type}</code>
            <AggregateLink type={event.aggregateType} id={event.aggregateId} />
          </p>
        </div>
        <button
          type="button"
          className="button button--small button--ghost"
          aria-expanded={open}
          aria-controls={open ? detailsId : undefined}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide details' : 'Details'}
        </button>
      </div>
      {open && <EventDetails event={event} id={detailsId} onSameRequest={onSameRequest} />}
    </li>
  );
}
