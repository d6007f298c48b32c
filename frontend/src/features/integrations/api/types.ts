import type { CommandResult } from '@/lib/api';

export type IntegrationStatus = 'pending' | 'connected' | 'syncing' | 'error' | 'disconnected';

export type AuthType = 'oauth2' | 'api_key' | 'upload' | 'none';

export type Provider = {
  key: string;
  name: string;
  authType: AuthType | string;
  metrics: string[];
  /** false: this installation cannot connect it (no connector, or its OAuth app is not configured) */
  available: boolean;
};

export type Integration = {
  id: string;
  provider: string;
  status: IntegrationStatus;
  lastSyncAt: string | null;
  lastError: string | null;
  accountName: string | null;
};

export type ConnectInput = { provider: string; settings?: Record<string, string>; accountName?: string };

/** OAuth providers answer `pending` with the consent page to send the browser to. */
export type ConnectResult = CommandResult & { status?: IntegrationStatus; authorizeUrl?: string };

export type SyncResult = CommandResult & { syncId?: string };

export type ImportResult = {
  rowsAccepted: number;
  rowsRejected: number;
  daysRecorded: number;
  errors: { line: number; message: string }[];
  position?: number;
};

export const integrationKeys = {
  all: ['integrations'] as const,
  providers: ['integrations', 'providers'] as const,
  forClient: (clientId: string) => ['integrations', 'client', clientId] as const,
};

/** What a change to integrations makes stale: the integrations, the dashboards and the clients' counts. */
export const staleAfterIntegrationChange = [['integrations'], ['dashboard'], ['clients']] as const;

/** What new data from a finished sync makes stale: dashboards and reports' computed data. */
export const staleAfterSync = [['dashboard'], ['reports']] as const;
