import { describe, expect, it } from 'vitest';
import type { Integration, Provider } from '../../api/types';
import { oauthReturnMessage, readOAuthReturn } from '../oauth-return';
import { isSafeAuthorizeUrl, toSettings } from '../provider-settings';
import { finishedSyncs, pollInterval, POLL_INTERVAL_MS, reconnectNeed } from '../sync-watch';

describe('the return from the consent page', () => {
  it('should read the callback parameters and ignore other query strings', () => {
    expect(readOAuthReturn(new URLSearchParams('integration=i1&oauth=connected'))).toEqual({
      outcome: 'connected',
      reason: null,
      integrationId: 'i1',
    });
    expect(readOAuthReturn(new URLSearchParams('oauth=maybe'))).toBeNull();
    expect(readOAuthReturn(new URLSearchParams('status=archived'))).toBeNull();
  });

  it('should say plainly that the provider is connected', () => {
    const message = oauthReturnMessage({ outcome: 'connected', reason: null, integrationId: 'i1' }, 'Google Analytics 4');
    expect(message.tone).toBe('success');
    expect(message.title).toBe('Google Analytics 4 is connected');
  });

  it('should explain each failure reason in words, never as a bare code', () => {
    const reasons = ['access_denied', 'expired_state', 'exchange_failed', 'missing_scope', 'missing_refresh_token', 'integration_unavailable', 'invalid_state'];
    for (const reason of reasons) {
      const message = oauthReturnMessage({ outcome: 'error', reason, integrationId: null });
      expect(message.tone).toBe('error');
      expect(`${message.title} ${message.detail}`).not.toContain(reason);
      expect(message.detail?.length).toBeGreaterThan(20);
    }
    expect(oauthReturnMessage({ outcome: 'error', reason: 'access_denied', integrationId: 'i1' }, 'Google Ads').title).toBe(
      'Google Ads: Access was declined',
    );
    expect(oauthReturnMessage({ outcome: 'error', reason: 'teapot', integrationId: null }).detail).toContain('teapot');
  });
});

describe('connect settings', () => {
  it('should trim values, drop empty optional ones and name missing required ones like the API', () => {
    expect(toSettings('google-ads', { customerId: ' 123-456-7890 ', loginCustomerId: ' ' })).toEqual({
      settings: { customerId: '123-456-7890' },
      errors: {},
    });
    expect(toSettings('ga4', {})).toEqual({ settings: {}, errors: { 'settings.propertyId': 'Enter the GA4 property ID.' } });
  });

  it('should only ever navigate to http(s) consent pages', () => {
    expect(isSafeAuthorizeUrl('https://accounts.google.com/o/oauth2/v2/auth?x=1')).toBe(true);
    expect(isSafeAuthorizeUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeAuthorizeUrl(undefined)).toBe(false);
  });
});

const ga4: Provider = { key: 'ga4', name: 'Google Analytics 4', authType: 'oauth2', metrics: [], available: true };
const demo: Provider = { key: 'demo', name: 'Demo data', authType: 'none', metrics: [], available: true };

function integration(overrides: Partial<Integration>): Integration {
  return { id: 'i1', provider: 'ga4', status: 'connected', lastSyncAt: '2026-11-01T06:00:00Z', lastError: null, accountName: null, ...overrides };
}

describe('syncs and reconnects', () => {
  it('should poll only while something syncs and the window is open', () => {
    expect(pollInterval([integration({ status: 'syncing' })], 1_000, 2_000)).toBe(POLL_INTERVAL_MS);
    expect(pollInterval([integration({ status: 'syncing' })], 3_000, 2_000)).toBe(false);
    expect(pollInterval([integration({ status: 'connected' })], 1_000, 2_000)).toBe(false);
  });

  it('should notice the integrations whose sync finished', () => {
    const before = [integration({ id: 'a', status: 'syncing' }), integration({ id: 'b', status: 'syncing' })];
    const after = [integration({ id: 'a', status: 'connected' }), integration({ id: 'b', status: 'syncing' })];
    expect(finishedSyncs(before, after)).toEqual(['a']);
    expect(finishedSyncs(undefined, after)).toEqual([]);
  });

  it('should ask for a reconnect after a revoked grant and for consent while pending', () => {
    expect(reconnectNeed(integration({ status: 'error', lastError: 'authorization revoked or expired, reconnect' }), ga4)).toBe('reconnect');
    expect(reconnectNeed(integration({ status: 'pending', lastSyncAt: null }), ga4)).toBe('authorize');
    expect(reconnectNeed(integration({ status: 'error', lastSyncAt: null, lastError: 'declined' }), ga4)).toBe('reconnect');
    expect(reconnectNeed(integration({ status: 'error', lastError: 'quota exceeded' }), ga4)).toBeNull();
    expect(reconnectNeed(integration({ provider: 'demo', status: 'error', lastError: 'expired' }), demo)).toBeNull();
    expect(reconnectNeed(integration({ status: 'disconnected', lastError: 'revoked' }), ga4)).toBeNull();
  });
});
