export type IntegrationStatus = 'connected' | 'syncing' | 'error' | 'disconnected';

export type Provider = {
  key: string;
  name: string;
  authType: string;
  metrics: string[];
};

export type Integration = {
  id: string;
  provider: string;
  status: IntegrationStatus;
  lastSyncAt: string | null;
  lastError: string | null;
  accountName: string | null;
};

export type ConnectInput = { provider: string; settings?: Record<string, unknown>; accountName?: string };

export type ImportResult = {
  rowsAccepted: number;
  rowsRejected: number;
  daysRecorded: number;
  errors: { line: number; message: string }[];
  position?: number;
};

/** Only these can be connected today; the backend answers 400 "not available yet" for the rest. */
export const AVAILABLE_PROVIDERS = ['demo', 'csv'];

export const integrationKeys = {
  all: ['integrations'] as const,
  providers: ['integrations', 'providers'] as const,
  forClient: (clientId: string) => ['integrations', 'client', clientId] as const,
};

/** What a change to integrations makes stale: the integrations, the dashboards and the clients' counts. */
export const staleAfterIntegrationChange = [['integrations'], ['dashboard'], ['clients']] as const;
