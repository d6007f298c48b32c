import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { billingKeys, type PlanChangePreview } from './types';

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

/** What the switch would cost; computed by the command side and changes nothing, so it is read like a query. */
export function usePlanChangePreview(plan: string) {
  return useQuery({
    queryKey: billingKeys.preview(plan),
    queryFn: ({ signal }) =>
      api.post<PlanChangePreview>('/api/subscriptions/change-plan/preview', { plan }, { signal }),
    staleTime: 0,
    gcTime: 0,
  });
}
