import type { AuditEvent } from '../api/types';
import { formatJson } from '../utils/changes';

type Props = { event: AuditEvent; id: string; onSameRequest: (correlationId: string) => void };

/** What a row keeps folded: where the request came from, what caused it, and the payload as stored. */
export function EventDetails({ event, id, onSameRequest }: Props) {
  return (
    <div className="audit-details" id={id}>
      <dl className="audit-details__facts">
        <div>
          <dt>User agent</dt>
          <dd>{event.userAgent ?? '—'}</dd>
        </div>
        <div>
          <dt>Correlation id</dt>
          <dd>
            {event.correlationId ? (
              <>
                <code>{event.correlationId}</code>{' '}
                <button
                  type="button"
                  className="button button--small"
                  title="Show every event of the same request"
                  onClick={() => onSameRequest(event.correlationId!)}
                >
                  Same request
                </button>
              </>
            ) : (
              '—'
            )}
          </dd>
        </div>
        <div>
          <dt>Causation id</dt>
          <dd>{event.causationId ? <code>{event.causationId}</code> : '—'}</dd>
        </div>
        <div>
          <dt>Position</dt>
          <dd>{event.position}</dd>
        </div>
        <div>
          <dt>Sequence</dt>
          <dd>{event.sequence}</dd>
        </div>
      </dl>
      <h4 className="audit-details__title">Payload</h4>
      <pre className="audit-json" tabIndex={0} aria-label="Payload">
        {formatJson(event.payload)}
      </pre>
    </div>
  );
}
