import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '@/lib/api';
import { integrationKeys, type Provider } from './types';

export function getProviders(signal?: AbortSignal): Promise<Provider[]> {
  return api.get<Provider[]>('/api/integrations/providers', { signal });
}

export function getProvidersQueryOptions() {
  return queryOptions({
    queryKey: integrationKeys.providers,
    queryFn: ({ signal }) => getProviders(signal),
    staleTime: 5 * 60_000,
  });
}

export function useProviders() {
  return useQuery(getProvidersQueryOptions());
}

/** "ga4" → "Google Analytics 4" (the key itself until the list arrived). */
export function useProviderNames(): (key: string) => string {
  const providers = useProviders();
  return useCallback((key: string) => providers.data?.find((p) => p.key === key)?.name ?? key, [providers.data]);
}
