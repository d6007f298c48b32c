import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { EmptyState } from '@/components/empty-state';
import { ErrorBanner } from '@/components/error-banner';
import { Pagination } from '@/components/pagination';
import { Spinner } from '@/components/spinner';
import { PlanUsage } from '@/features/billing';
import { useAuth } from '@/lib/auth';
import { useClients } from '../api/get-clients';
import type { ClientStatus } from '../api/types';
import { ClientsTable } from '../components/clients-table';
import { canEditClients } from '../components/permissions';

const PAGE_SIZE = 20;
const SEARCH_DEBOUNCE_MS = 300;

function readStatus(value: string | null): ClientStatus | undefined {
  if (value === 'all') return undefined;
  return value === 'archived' ? 'archived' : 'active';
}

export function ClientsRoute() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const { user } = useAuth();
  const status = readStatus(params.get('status'));
  const q = params.get('q') ?? '';
  const page = Math.max(0, Number(params.get('page') ?? 0) || 0);
  const [search, setSearch] = useState(q);

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === '') next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );

  useEffect(() => {
    if (search.trim() === q) return;
    const timer = setTimeout(() => update({ q: search.trim() || null, page: null }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search]); // only typing restarts the timer

  useEffect(() => {
    setSearch((current) => (current.trim() === q ? current : q));
  }, [q]);

  const clients = useClients({ status, q: q || undefined, page, size: PAGE_SIZE });
  const data = clients.data;

  return (
    <section className="page">
      <header className="page__header">
        <div>
          <h1 className="page__title">Clients</h1>
          <p className="page__subtitle">The businesses your agency reports on.</p>
        </div>
        {canEditClients(user) && (
          <button type="button" className="button button--primary" onClick={() => navigate('/clients/new')}>
            New client
          </button>
        )}
      </header>

      {canEditClients(user) && <PlanUsage kind="clients" />}

      <div className="toolbar" role="search">
        <div className="field field--inline">
          <label className="field__label" htmlFor="client-search">
            Search clients
          </label>
          <input
            id="client-search"
            className="input"
            type="search"
            placeholder="Name, industry or e-mail"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div className="field field--inline">
          <label className="field__label" htmlFor="client-status">
            Status
          </label>
          <select
            id="client-status"
            className="input"
            value={params.get('status') === 'all' ? 'all' : (status ?? 'active')}
            onChange={(e) => update({ status: e.target.value === 'active' ? null : e.target.value, page: null })}
          >
            <option value="active">Active</option>
            <option value="archived">Archived</option>
            <option value="all">All</option>
          </select>
        </div>
      </div>

      {clients.isPending && <Spinner label="Loading clients…" />}
      {clients.isError && <ErrorBanner error={clients.error} onRetry={() => void clients.refetch()} />}
      {data && data.items.length === 0 && (
        <EmptyState
          title={q ? 'No clients match your search' : status === 'archived' ? 'No archived clients' : 'No clients yet'}
        >
          {q
            ? 'Try a different name, or clear the search.'
            : status === 'archived'
              ? 'Clients you archive show up here and can be restored at any time.'
              : 'Add the first business you report on to get started.'}
        </EmptyState>
      )}
      {data && data.items.length > 0 && (
        <>
          <ClientsTable clients={data.items} />
          <Pagination page={data.page} size={data.size} total={data.total} onPageChange={(p) => update({ page: p > 0 ? String(p) : null })} />
        </>
      )}
    </section>
  );
}
