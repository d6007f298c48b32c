import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { billingKeys } from './types';

export function changePlan(plan: string): Promise<{ position: number }> {
  return api.post<{ position: number }>('/api/subscriptions/change-plan', { plan });
}

export function useChangePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePlan,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: billingKeys.all }),
  });
}
