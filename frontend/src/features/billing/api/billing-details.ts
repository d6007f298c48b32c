import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { billingKeys, type BillingDetails } from './types';

export type BillingDetailsInput = {
  legalName: string;
  addressLines: string[];
  postalCode: string;
  city: string;
  country: string;
  vatId?: string;
  billingEmail: string;
};

/** Owners and admins only (the role matrix): others never ask. */
export function useBillingDetails(enabled = true) {
  return useQuery({
    enabled,
    queryKey: billingKeys.details,
    queryFn: ({ signal }) => api.get<BillingDetails>('/api/subscriptions/billing-details', { signal }),
  });
}

export function useSaveBillingDetails() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BillingDetailsInput) =>
      api.put<{ position: number }>('/api/subscriptions/billing-details', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: billingKeys.details }),
  });
}
