import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { auditKeys, type HistoryEntry } from './types';

/** Every event of one aggregate, oldest first, with what each changed and the state it left. */
export function useAggregateHistory(type: string, id: string) {
  return useQuery({
    queryKey: auditKeys.history(type, id),
    queryFn: ({ signal }) =>
      api.get<HistoryEntry[]>(`/api/audit/aggregates/${encodeURIComponent(type)}/${encodeURIComponent(id)}/history`, {
        signal,
      }),
  });
}
