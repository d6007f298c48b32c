/** BigDecimals may arrive as numbers or strings; the UI reads them through `toNumber`. */
export type Num = number | string | null;

export type Kpi = { metric: string; value: Num; previousValue: Num; changePct: Num };

export type ClientDashboard = {
  clientId: string;
  from: string;
  to: string;
  compare: 'previous' | 'none';
  previousFrom: string | null;
  previousTo: string | null;
  currency: string | null;
  currencies: string[];
  kpis: Kpi[];
  series: { date: string; values: Record<string, Num> }[];
  byProvider: { provider: string; values: Record<string, Num> }[];
  freshness: { provider: string; lastSyncAt: string | null; dataThrough: string | null }[];
};

export type DashboardParams = { from: string; to: string; compare: 'previous' | 'none' };

export type OverviewRow = {
  clientId: string;
  name: string;
  kpis: { sessions?: Num; conversions?: Num; revenue?: Num; cost?: Num; roas?: Num };
  /** Set when all the client's money in the range is in one currency; `currencies` lists what was seen. */
  currency?: string | null;
  currencies?: string[];
  integrations: { total: number; healthy: number; failing: number };
  lastSyncAt: string | null;
};

export type Overview = { from: string; to: string; clients: OverviewRow[] };

export const dashboardKeys = {
  all: ['dashboard'] as const,
  client: (clientId: string, params: DashboardParams) => ['dashboard', 'client', clientId, params] as const,
  overview: (params: { from: string; to: string }) => ['dashboard', 'overview', params] as const,
};
