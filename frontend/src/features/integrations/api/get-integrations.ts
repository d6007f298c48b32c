import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { integrationKeys, type Integration } from './types';

export function getIntegrations(clientId: string, signal?: AbortSignal): Promise<Integration[]> {
  return api.get<Integration[]>(`/api/clients/${encodeURIComponent(clientId)}/integrations`, { signal });
}

export function getIntegrationsQueryOptions(clientId: string) {
  return queryOptions({
    queryKey: integrationKeys.forClient(clientId),
    queryFn: ({ signal }) => getIntegrations(clientId, signal),
    // a sync in progress finishes on its own: look again until it settles
    refetchInterval: (query) => (query.state.data?.some((i) => i.status === 'syncing') ? 3_000 : false),
  });
}

export function useIntegrations(clientId: string) {
  return useQuery(getIntegrationsQueryOptions(clientId));
}
