import { Link, useParams } from 'react-router';
import { EmptyState } from '@/components/empty-state';
import { ErrorBanner } from '@/components/error-banner';
import { Spinner } from '@/components/spinner';
import { isApiError } from '@/lib/api-error';
import { useAgencyTimeZone } from '@/lib/auth';
import { useAggregateHistory } from '../api/get-history';
import { HistoryEntry } from '../components/history-entry';
import { StateAsOf } from '../components/state-as-of';
import { aggregateName, aggregateTypeLabel, shortId } from '../utils/describe';
import { filtersToSearch } from '../utils/filters';

export function AggregateHistoryRoute() {
  const { type = '', id = '' } = useParams();
  const timeZone = useAgencyTimeZone();
  const history = useAggregateHistory(type, id);
  const entries = history.data ?? [];
  const label = aggregateTypeLabel(type);
  const name = aggregateName(entries[entries.length - 1]?.stateAfter);
  const inSearch = `/audit?${filtersToSearch({ aggregateId: id }).toString()}`;
  const unknown = isApiError(history.error) && history.error.status === 404;

  return (
    <section className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/audit">Audit log</Link> <span aria-hidden="true">/</span> {label}
      </nav>
      <header className="page__header page__header--wrap">
        <div>
          <h1 className="page__title">
            {label} {name ?? shortId(id)}
          </h1>
          <p className="page__subtitle">
            Its history, oldest first · id <code>{id}</code> · times are in {timeZone}
          </p>
        </div>
        <div className="page__actions">
          <Link className="button" to={inSearch}>
            Its events in the log
          </Link>
        </div>
      </header>
      {history.isPending && <Spinner label="Loading the history…" />}
      {unknown && (
        <EmptyState title={`No such ${label.toLowerCase()}`}>
          The agency’s log has no {label.toLowerCase()} with this id.
        </EmptyState>
      )}
      {history.isError && !unknown && <ErrorBanner error={history.error} onRetry={() => void history.refetch()} />}
      {history.isSuccess && (
        <>
          <StateAsOf type={type} id={id} timeZone={timeZone} />
          {entries.length === 0 ? (
            <EmptyState title="No events">Nothing has happened to this {label.toLowerCase()} yet.</EmptyState>
          ) : (
            <ol className="history" aria-label="History">
              {entries.map((entry) => (
                <HistoryEntry key={entry.position} entry={entry} timeZone={timeZone} />
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
