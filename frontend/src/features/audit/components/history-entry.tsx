import type { HistoryEntry as Entry } from '../api/types';
import { formatDateTimeIn } from '../utils/time';
import { ActorLabel } from './actor-label';
import { ChangesTable } from './changes-table';
import { StateTable } from './state-table';

/** One event of an aggregate's history: when, who, what, the diff, and (folded) the state it left. */
export function HistoryEntry({ entry, timeZone }: { entry: Entry; timeZone: string }) {
  return (
    <li className="card history-entry">
      <header className="history-entry__header">
        <time dateTime={entry.timestamp}>{formatDateTimeIn(entry.timestamp, timeZone)}</time>
        <ActorLabel actor={entry.actor} />
        <code className="table__secondary">{entry.type}</code>
        <span className="table__secondary">
          #{entry.sequence} · position {entry.position}
        </span>
      </header>
      <p className="history-entry__summary">{entry.summary}</p>
      <ChangesTable changes={entry.changes} label={`Changes in event ${entry.sequence}`} />
      <details className="history-entry__state">
        <summary>State after this event</summary>
        <StateTable state={entry.stateAfter} label={`State after event ${entry.sequence}`} />
      </details>
    </li>
  );
}
