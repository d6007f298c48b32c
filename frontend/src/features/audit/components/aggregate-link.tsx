import { Link } from 'react-router';
import { aggregateTypeLabel, historyPath, shortId } from '../utils/describe';

/** "Client 3f2a9c1e…", to the aggregate's history; the full id is in the accessible name and the title. */
export function AggregateLink({ type, id }: { type: string; id: string }) {
  const label = aggregateTypeLabel(type);
  return (
    <Link to={historyPath(type, id)} title={id} aria-label={`History of ${label.toLowerCase()} ${id}`}>
      {label} <code>{shortId(id)}</code>
    </Link>
  );
}
