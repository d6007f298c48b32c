import type { IntegrationStatus } from '../api/types';

const labels: Record<IntegrationStatus, string> = {
  pending: 'Waiting for authorization',
  connected: 'Connected',
  syncing: 'Syncing',
  error: 'Error',
  disconnected: 'Disconnected',
};

export function IntegrationStatusBadge({ status }: { status: IntegrationStatus }) {
  return <span className={`badge badge--${status}`}>{labels[status] ?? status}</span>;
}
