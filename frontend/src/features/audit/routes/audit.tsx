import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '@/components/empty-state';
import { ErrorBanner } from '@/components/error-banner';
import { Spinner } from '@/components/spinner';
import { useAgencyTimeZone, useAuth } from '@/lib/auth';
import { canErase } from '@/lib/roles';
import { useAuditEvents } from '../api/get-events';
import { ErasuresSection } from '../components/erasures-section';
import { EventFilters } from '../components/event-filters';
import { EventTimeline } from '../components/event-timeline';
import { filtersFromSearch, filtersToSearch, hasFilters, sameRequest, type AuditFilters } from '../utils/filters';

export function AuditRoute() {
  const [params, setParams] = useSearchParams();
  const { user } = useAuth();
  const timeZone = useAgencyTimeZone();
  const filters = useMemo(() => filtersFromSearch(params), [params]);
  const search = filtersToSearch(filters).toString();
  const events = useAuditEvents(filters);
  const loaded = events.data?.pages.flatMap((page) => page.events) ?? [];

  // a new entry in the browser's history per search, so Back returns to the previous one
  const apply = (next: AuditFilters) => setParams(filtersToSearch(next));
  const onSameRequest = (correlationId: string) => {
    apply(sameRequest(correlationId));
    window.scrollTo({ top: 0 });
  };

  return (
    <section className="page">
      <header className="page__header page__header--wrap">
        <div>
          <h1 className="page__title">Audit log</h1>
          <p className="page__subtitle">Every change in {user?.agencyName ?? 'the agency'}: who made it, when and from where.</p>
        </div>
        <div className="page__actions">
          <Link className="button" to="/audit/integrity">
            Integrity and export
          </Link>
        </div>
      </header>

      <EventFilters key={search} filters={filters} timeZone={timeZone} onApply={apply} />

      <section className="panel" aria-labelledby="events-title">
        <header className="panel__header">
          <h2 className="panel__title" id="events-title">
            {filters.correlationId ? 'Events of one request' : 'Events'}
          </h2>
          <button type="button" className="button button--small button--ghost" disabled={events.isFetching} onClick={() => void events.refetch()}>
            Refresh
          </button>
        </header>
        {events.isPending && <Spinner label="Loading events…" />}
        {events.isError && <ErrorBanner error={events.error} onRetry={() => void events.refetch()} />}
        {events.isSuccess && loaded.length === 0 && (
          <EmptyState title={hasFilters(filters) ? 'No events match these filters' : 'No events yet'}>
            {hasFilters(filters) ? 'Widen the time range or clear a filter.' : 'Changes made in the agency show up here.'}
          </EmptyState>
        )}
        {loaded.length > 0 && <EventTimeline events={loaded} timeZone={timeZone} onSameRequest={onSameRequest} />}
        {events.hasNextPage && (
          <button
            type="button"
            className="button audit-more"
            disabled={events.isFetchingNextPage}
            onClick={() => void events.fetchNextPage()}
          >
            {events.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        )}
      </section>

      {canErase(user) && <ErasuresSection timeZone={timeZone} />}
    </section>
  );
}
