import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { auditKeys } from './types';

/** The event types the log can hold, for the search's select; they change only with a release. */
export function useEventTypes() {
  return useQuery({
    queryKey: auditKeys.eventTypes,
    queryFn: ({ signal }) => api.get<string[]>('/api/audit/event-types', { signal }),
    staleTime: 10 * 60_000,
  });
}
