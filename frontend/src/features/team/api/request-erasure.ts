import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { teamKeys } from './types';

export type ErasureRequest = { subjectType: 'user' | 'client-contact'; subjectId: string; reason: string };
export type ErasureAccepted = { erasureId: string; position: number };

/** Accepted (202) at once; the person's data leaves every record in the background. The owner's call alone. */
export function requestErasure(request: ErasureRequest): Promise<ErasureAccepted> {
  return api.post<ErasureAccepted>('/api/privacy/erasures', request);
}

export function useEraseMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, reason }: { userId: string; reason: string }) =>
      requestErasure({ subjectType: 'user', subjectId: userId, reason }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: teamKeys.all });
      // the audit page's list of erasures
      void queryClient.invalidateQueries({ queryKey: ['privacy'] });
    },
  });
}
