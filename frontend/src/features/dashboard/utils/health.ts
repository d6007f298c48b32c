import type { OverviewRow } from '../api/types';

export type HealthSummary = { tone: 'error' | 'pending' | 'connected'; label: string };

/**
 * One badge for a client's integrations on the overview: failures first, then integrations that are neither
 * healthy nor failing (waiting for authorization at the provider), else healthy. Null when there are none.
 */
export function summarizeHealth(health: OverviewRow['integrations'] | null | undefined): HealthSummary | null {
  if (!health || health.total === 0) return null;
  if (health.failing > 0) return { tone: 'error', label: `${health.failing} failing` };
  const waiting = health.total - health.healthy - health.failing;
  if (waiting > 0) return { tone: 'pending', label: `${waiting} waiting` };
  return { tone: 'connected', label: 'Healthy' };
}
