import type { Num } from '@/features/metrics';

export type RelativeRange = 'last_7_days' | 'last_30_days' | 'last_month' | 'last_90_days';
export type Frequency = 'weekly' | 'monthly';
export type ReportFormat = 'pdf' | 'csv';

export type Schedule = { frequency: Frequency; format: ReportFormat; recipients: string[] };

/** A saved report as listed. A fixed range has `from`/`to`; a relative one `range`. */
export type Report = {
  id: string;
  clientId: string;
  clientName: string;
  title: string;
  metrics: string[];
  from: string | null;
  to: string | null;
  range: RelativeRange | null;
  schedule: Schedule | null;
  timeZone: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  lastDeliveredAt: string | null;
};

export type ReportKpi = {
  metric: string;
  label: string;
  unit: string;
  value: Num;
  previousValue: Num;
  changePct: Num;
  formattedValue: string;
  formattedPrevious: string;
  formattedChange: string;
};

export type ReportData = {
  asOf: string;
  from: string;
  to: string;
  previousFrom: string | null;
  previousTo: string | null;
  currency: string | null;
  currencies: string[];
  kpis: ReportKpi[];
  series: { date: string; values: Record<string, Num> }[];
  byProvider: { provider: string; name: string; values: Record<string, Num> }[];
  freshness: { provider: string; name: string; lastSyncAt: string | null; dataThrough: string | null }[];
  /** "Demo data: last sync 17 Mar 2025 06:00, data through 16 Mar 2025", one per source */
  dataAsOf: string[];
  generatedAt: string;
  dataPosition: number;
};

export type ReportDetail = Report & { data: ReportData };

export type DeliveryStatus = 'requested' | 'retrying' | 'delivered' | 'failed' | 'cancelled';

export type Delivery = {
  id: string;
  reportId: string;
  reportTitle: string;
  clientId: string;
  trigger: 'schedule' | 'manual';
  format: ReportFormat;
  recipients: string[];
  asOf: string;
  status: DeliveryStatus;
  attempts: number;
  requestedAt: string;
  requestedBy: string | null;
  deliveredAt: string | null;
  from: string | null;
  to: string | null;
  fileName: string | null;
  sha256: string | null;
  sizeBytes: number | null;
  dataPosition: number | null;
  lastReason: 'no-smtp' | 'render' | 'smtp' | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  fileUrl: string | null;
};

/** `POST /api/reports`: a fixed range (`from` + `to`) or a relative `range`, never both. */
export type CreateReportRequest = {
  clientId: string;
  title: string;
  metrics: string[];
  from?: string;
  to?: string;
  range?: RelativeRange;
  schedule?: Schedule;
};

/** `PATCH /api/reports/{id}`: only what changes; `schedule: null` cancels the schedule. */
export type ReportPatch = {
  title?: string;
  metrics?: string[];
  from?: string;
  to?: string;
  range?: RelativeRange;
  schedule?: Schedule | null;
};

export type SendNowRequest = { recipients?: string[]; format?: ReportFormat };

export type ReportsParams = { clientId?: string; page: number; size: number };

export const reportKeys = {
  all: ['reports'] as const,
  lists: ['reports', 'list'] as const,
  list: (params: ReportsParams) => ['reports', 'list', params] as const,
  detail: (id: string) => ['reports', 'detail', id] as const,
  deliveries: (id: string) => ['reports', 'deliveries', id] as const,
};

export const RELATIVE_RANGES: { value: RelativeRange; label: string }[] = [
  { value: 'last_7_days', label: 'Last 7 days' },
  { value: 'last_30_days', label: 'Last 30 days' },
  { value: 'last_month', label: 'Last calendar month' },
  { value: 'last_90_days', label: 'Last 90 days' },
];
