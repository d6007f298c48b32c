import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { privacyKeys, type Erasure } from './types';

/** Personal data erased on request: whose, why, who asked, and where in the log it happened. */
export function useErasures() {
  return useQuery({
    queryKey: privacyKeys.erasures,
    queryFn: ({ signal }) => api.get<Erasure[]>('/api/privacy/erasures', { signal }),
  });
}
