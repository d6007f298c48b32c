import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { billingKeys } from './types';

/** The subscription ends when the period (or the trial) does, instead of renewing. */
export function useCancelSubscription() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ position: number }>('/api/subscriptions/cancel', { atPeriodEnd: true }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: billingKeys.all }),
  });
}

/** Takes back a scheduled cancellation, or takes up a canceled subscription again. */
export function useResumeSubscription() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ position: number }>('/api/subscriptions/resume'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: billingKeys.all }),
  });
}

/** Ends the trial now: the first paid period starts and the saved card is charged at once. */
export function useEndTrial() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ position: number }>('/api/subscriptions/end-trial'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: billingKeys.all }),
  });
}
