import type { Integration, Provider } from '../api/types';

/** How long the panel keeps looking at syncs in progress after the page opened or a sync was asked for. */
export const POLL_WINDOW_MS = 3 * 60_000;
export const POLL_INTERVAL_MS = 2_000;

/** Poll while something is syncing and the window is open; then stop (the page's own refresh still works). */
export function pollInterval(integrations: Integration[] | undefined, now: number, until: number): number | false {
  if (now > until) return false;
  return integrations?.some((i) => i.status === 'syncing') ? POLL_INTERVAL_MS : false;
}

/** The integrations that were syncing before and are not any more: their new data is worth a dashboard refresh. */
export function finishedSyncs(previous: Integration[] | undefined, next: Integration[] | undefined): string[] {
  if (!previous || !next) return [];
  const wasSyncing = new Set(previous.filter((i) => i.status === 'syncing').map((i) => i.id));
  return next.filter((i) => wasSyncing.has(i.id) && i.status !== 'syncing').map((i) => i.id);
}

export type ReconnectNeed = 'authorize' | 'reconnect' | null;

const REVOKED = /revoked|expired|reconnect/i;

/**
 * Whether an OAuth integration needs the user at the provider again: still waiting for consent ("authorize"), or
 * its grant was revoked or expired, or the first consent failed ("reconnect"). The list has no reason code, so a
 * revoked grant is recognised by the server's message ("authorization revoked or expired, reconnect").
 */
export function reconnectNeed(integration: Integration, provider: Provider | undefined): ReconnectNeed {
  if (provider?.authType !== 'oauth2' || integration.status === 'disconnected') return null;
  if (integration.status === 'pending') return 'authorize';
  if (integration.lastError && REVOKED.test(integration.lastError)) return 'reconnect';
  if (integration.status === 'error' && integration.lastSyncAt === null) return 'reconnect';
  return null;
}
