export type { MetricCatalogue } from './api/types';
export { useMetricLookup } from './api/use-metric-lookup';
export { MetricChange } from './components/metric-change';
export { MetricCharts } from './components/metric-charts';
export {
  buildLookup,
  describeChange,
  formatMetricValue,
  formatUnitValue,
  headlineOf,
  HEADLINE_METRICS,
  humanize,
  toNumber,
  type MetricInfo,
  type MetricLookup,
  type Num,
} from './utils/catalogue';
