/** The metric vocabulary as `GET /api/integrations/metrics` serves it. */
export type BaseMetric = {
  key: string;
  label: string;
  /** count | money | seconds | number */
  unit: string;
  whole: boolean;
  /** an input to a derived metric, never shown on its own */
  hidden: boolean;
  lowerIsBetter: boolean;
};

export type DerivedMetric = {
  key: string;
  label: string;
  /** ratio | money | multiplier | seconds | number */
  unit: string;
  numerator: string;
  denominator: string;
  factor: number;
  lowerIsBetter: boolean;
};

export type MetricCatalogue = { base: BaseMetric[]; derived: DerivedMetric[] };

export const metricKeys = {
  catalogue: ['metrics', 'catalogue'] as const,
};
