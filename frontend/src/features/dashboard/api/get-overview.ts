import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { dashboardKeys, type Overview } from './types';

export function getOverview(params: { from: string; to: string }, signal?: AbortSignal): Promise<Overview> {
  return api.get<Overview>('/api/dashboard', { query: params, signal });
}

export function getOverviewQueryOptions(params: { from: string; to: string }) {
  return queryOptions({ queryKey: dashboardKeys.overview(params), queryFn: ({ signal }) => getOverview(params, signal) });
}

export function useOverview(params: { from: string; to: string }) {
  return useQuery(getOverviewQueryOptions(params));
}
