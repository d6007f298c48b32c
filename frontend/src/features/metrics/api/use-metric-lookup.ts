import { useMemo } from 'react';
import { buildLookup, type MetricLookup } from '../utils/catalogue';
import { useMetricCatalogue } from './get-metric-catalogue';

/**
 * Labels, units and arrow colours from the catalogue. `ready` is false until the catalogue arrived or failed;
 * after a failure the lookup still works, with humanized labels and plain numbers.
 */
export function useMetricLookup(): { lookup: MetricLookup; ready: boolean } {
  const catalogue = useMetricCatalogue();
  const lookup = useMemo(() => buildLookup(catalogue.data), [catalogue.data]);
  return { lookup, ready: !catalogue.isPending };
}
