import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, type Page } from '@/lib/api';
import { reportKeys, type Delivery } from './types';

const UNSETTLED = new Set(['requested', 'retrying']);
const POLL_MS = 3_000;

export function getDeliveries(id: string, page: number, signal?: AbortSignal): Promise<Page<Delivery>> {
  return api.get<Page<Delivery>>(`/api/reports/${encodeURIComponent(id)}/deliveries`, {
    query: { page, size: 10 },
    signal,
  });
}

export function getDeliveriesQueryOptions(id: string, page: number) {
  return queryOptions({
    queryKey: [...reportKeys.deliveries(id), page],
    queryFn: ({ signal }) => getDeliveries(id, page, signal),
    placeholderData: keepPreviousData,
    // a delivery just asked for settles in seconds (or retries for minutes): look again while one is open
    refetchInterval: (query) => (query.state.data?.items.some((d) => UNSETTLED.has(d.status)) ? POLL_MS : false),
  });
}

export function useDeliveries(id: string, page: number) {
  return useQuery(getDeliveriesQueryOptions(id, page));
}
