import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Page } from '@/lib/api';
import { reportKeys, type Report, type ReportsParams } from './types';

export function getReports(params: ReportsParams, signal?: AbortSignal): Promise<Page<Report>> {
  return api.get<Page<Report>>('/api/reports', { query: params, signal });
}

export function getReportsQueryOptions(params: ReportsParams) {
  return queryOptions({
    queryKey: reportKeys.list(params),
    queryFn: ({ signal }) => getReports(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useReports(params: ReportsParams) {
  return useQuery(getReportsQueryOptions(params));
}
