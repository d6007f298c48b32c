import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { pollInterval } from '../utils/sync-watch';
import { integrationKeys, type Integration } from './types';

export function getIntegrations(clientId: string, signal?: AbortSignal): Promise<Integration[]> {
  return api.get<Integration[]>(`/api/clients/${encodeURIComponent(clientId)}/integrations`, { signal });
}

/** `pollUntil`: epoch ms until which a sync in progress is looked at again every few seconds (bounded). */
export function getIntegrationsQueryOptions(clientId: string, pollUntil = 0) {
  return queryOptions({
    queryKey: integrationKeys.forClient(clientId),
    queryFn: ({ signal }) => getIntegrations(clientId, signal),
    refetchInterval: (query) => pollInterval(query.state.data, Date.now(), pollUntil),
  });
}

export function useIntegrations(clientId: string, pollUntil?: number) {
  return useQuery(getIntegrationsQueryOptions(clientId, pollUntil));
}
