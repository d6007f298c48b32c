import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { billingKeys, type Plan, type Subscription } from './types';

export function getPlansQueryOptions() {
  return queryOptions({
    queryKey: billingKeys.plans,
    queryFn: ({ signal }) => api.get<Plan[]>('/api/subscriptions/plans', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function usePlans() {
  return useQuery(getPlansQueryOptions());
}

export function getSubscriptionQueryOptions() {
  return queryOptions({
    queryKey: billingKeys.current,
    queryFn: ({ signal }) => api.get<Subscription>('/api/subscriptions/current', { signal }),
  });
}

export function useSubscription() {
  return useQuery(getSubscriptionQueryOptions());
}
