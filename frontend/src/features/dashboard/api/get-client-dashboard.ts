import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { dashboardKeys, type ClientDashboard, type DashboardParams } from './types';

export function getClientDashboard(clientId: string, params: DashboardParams, signal?: AbortSignal): Promise<ClientDashboard> {
  return api.get<ClientDashboard>(`/api/clients/${encodeURIComponent(clientId)}/dashboard`, { query: params, signal });
}

export function getClientDashboardQueryOptions(clientId: string, params: DashboardParams) {
  return queryOptions({
    queryKey: dashboardKeys.client(clientId, params),
    queryFn: ({ signal }) => getClientDashboard(clientId, params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useClientDashboard(clientId: string, params: DashboardParams) {
  return useQuery(getClientDashboardQueryOptions(clientId, params));
}
