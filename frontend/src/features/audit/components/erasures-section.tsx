import { ErrorBanner } from '@/components/error-banner';
import { Spinner } from '@/components/spinner';
import { useErasures } from '../api/get-erasures';
import { shortId } from '../utils/describe';
import { formatDateTimeIn } from '../utils/time';

const subjectLabels: Record<string, string> = { user: 'Team member', 'client-contact': 'Client contact' };

/** The owner's list of personal data erased on request; the events stay, the person's data in them does not. */
export function ErasuresSection({ timeZone }: { timeZone: string }) {
  const erasures = useErasures();
  return (
    <section className="card panel" aria-labelledby="erasures-title">
      <h2 className="panel__title" id="erasures-title">
        Erasures
      </h2>
      {erasures.isPending && <Spinner label="Loading erasures…" />}
      {erasures.isError && <ErrorBanner error={erasures.error} onRetry={() => void erasures.refetch()} />}
      {erasures.data?.length === 0 && <p className="panel__empty">No personal data has been erased.</p>}
      {erasures.data && erasures.data.length > 0 && (
        <div className="table-wrap">
          <table className="table" aria-label="Erasures">
            <thead>
              <tr>
                <th scope="col">Requested</th>
                <th scope="col">Whose data</th>
                <th scope="col">Reason</th>
                <th scope="col">Requested by</th>
                <th scope="col" className="table__num">
                  Position
                </th>
              </tr>
            </thead>
            <tbody>
              {erasures.data.map((e) => (
                <tr key={e.erasureId}>
                  <td>
                    <time dateTime={e.requestedAt}>{formatDateTimeIn(e.requestedAt, timeZone)}</time>
                  </td>
                  <td>
                    {subjectLabels[e.subjectType] ?? e.subjectType}{' '}
                    <code className="table__secondary" title={e.subjectId}>
                      {shortId(e.subjectId)}
                    </code>
                  </td>
                  <td>{e.reason}</td>
                  <td>{e.requestedBy?.name ?? e.requestedBy?.userId ?? '—'}</td>
                  <td className="table__num">{e.position}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
