import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { auditKeys, type Verification } from './types';

/**
 * Re-hashes the agency's log against the latest signed checkpoint: once when the panel opens and on "Verify now",
 * never in the background (it reads every event).
 */
export function useVerification() {
  return useQuery({
    queryKey: auditKeys.verify,
    queryFn: ({ signal }) => api.get<Verification>('/api/audit/verify', { signal }),
    staleTime: 0,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
}
