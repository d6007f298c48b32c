import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { eventsQuery, type AuditFilters } from '../utils/filters';
import { auditKeys, type EventPage } from './types';

const PAGE_SIZE = 50;

export function getEvents(filters: AuditFilters, after: string | null, signal?: AbortSignal): Promise<EventPage> {
  return api.get<EventPage>('/api/audit/events', { query: eventsQuery(filters, after, PAGE_SIZE), signal });
}

/** Keyset paging: each page's `next` is the `after` of the one below it, so new events never shift the pages. */
export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: auditKeys.events(filters),
    queryFn: ({ signal, pageParam }) => getEvents(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next ?? undefined,
  });
}
