import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { metricKeys, type MetricCatalogue } from './types';

export function getMetricCatalogue(signal?: AbortSignal): Promise<MetricCatalogue> {
  return api.get<MetricCatalogue>('/api/integrations/metrics', { signal });
}

export function getMetricCatalogueQueryOptions() {
  return queryOptions({
    queryKey: metricKeys.catalogue,
    queryFn: ({ signal }) => getMetricCatalogue(signal),
    // the vocabulary changes only with a deployment
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

export function useMetricCatalogue() {
  return useQuery(getMetricCatalogueQueryOptions());
}
