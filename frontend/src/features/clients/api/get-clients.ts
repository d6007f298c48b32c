import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Page } from '@/lib/api';
import { clientKeys, type Client, type ClientStatus } from './types';

export type ClientsParams = { status?: ClientStatus; q?: string; page: number; size: number };

export function getClients(params: ClientsParams, signal?: AbortSignal): Promise<Page<Client>> {
  return api.get<Page<Client>>('/api/clients', { query: params, signal });
}

export function getClientsQueryOptions(params: ClientsParams) {
  return queryOptions({
    queryKey: clientKeys.list(params),
    queryFn: ({ signal }) => getClients(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useClients(params: ClientsParams) {
  return useQuery(getClientsQueryOptions(params));
}
