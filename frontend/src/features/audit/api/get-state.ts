import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { auditKeys, type AggregateState } from './types';

/** The aggregate as it stood at an instant; asked only once an instant is picked. A 404: it did not exist yet. */
export function useStateAt(type: string, id: string, at: string | undefined) {
  return useQuery({
    queryKey: auditKeys.state(type, id, at ?? ''),
    queryFn: ({ signal }) =>
      api.get<AggregateState>(`/api/audit/aggregates/${encodeURIComponent(type)}/${encodeURIComponent(id)}/state`, {
        query: { at },
        signal,
      }),
    enabled: !!at,
    // the past does not change
    staleTime: Infinity,
  });
}
