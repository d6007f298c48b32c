import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { reportKeys, type ReportDetail } from './types';

/** The report with its data computed now (relative ranges end yesterday in the agency's time zone). */
export function getReport(id: string, signal?: AbortSignal): Promise<ReportDetail> {
  return api.get<ReportDetail>(`/api/reports/${encodeURIComponent(id)}`, { signal });
}

export function getReportQueryOptions(id: string) {
  return queryOptions({ queryKey: reportKeys.detail(id), queryFn: ({ signal }) => getReport(id, signal) });
}

export function useReport(id: string) {
  return useQuery(getReportQueryOptions(id));
}
