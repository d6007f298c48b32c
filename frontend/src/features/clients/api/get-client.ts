import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { clientKeys, type Client } from './types';

export function getClient(id: string, signal?: AbortSignal): Promise<Client> {
  return api.get<Client>(`/api/clients/${encodeURIComponent(id)}`, { signal });
}

export function getClientQueryOptions(id: string) {
  return queryOptions({ queryKey: clientKeys.detail(id), queryFn: ({ signal }) => getClient(id, signal) });
}

export function useClient(id: string) {
  return useQuery(getClientQueryOptions(id));
}
