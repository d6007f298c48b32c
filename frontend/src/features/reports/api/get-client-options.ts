import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Page } from '@/lib/api';

export type ClientOption = { id: string; name: string; status: 'active' | 'archived' };

/**
 * The active clients a report can be made for (the list endpoint's largest page). Keyed under `clients`, so
 * whatever makes the clients stale makes this stale too.
 */
export function getClientOptions(signal?: AbortSignal): Promise<ClientOption[]> {
  return api
    .get<Page<ClientOption>>('/api/clients', { query: { status: 'active', size: 200, page: 0 }, signal })
    .then((page) => page.items.map(({ id, name, status }) => ({ id, name, status })));
}

export function getClientOptionsQueryOptions() {
  return queryOptions({ queryKey: ['clients', 'options'] as const, queryFn: ({ signal }) => getClientOptions(signal) });
}

export function useClientOptions() {
  return useQuery(getClientOptionsQueryOptions());
}
