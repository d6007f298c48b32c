/** The query parameters the OAuth callback appends when it sends the browser back to the SPA. */
export const OAUTH_RETURN_PARAMS = ['oauth', 'reason', 'integration'] as const;

export type OAuthReturn = { outcome: 'connected' | 'error'; reason: string | null; integrationId: string | null };

export type OAuthMessage = { tone: 'success' | 'error'; title: string; detail?: string };

/** Reads `?oauth=connected|error&reason=…&integration=…`; null when the page was not reached from a callback. */
export function readOAuthReturn(params: URLSearchParams): OAuthReturn | null {
  const outcome = params.get('oauth');
  if (outcome !== 'connected' && outcome !== 'error') return null;
  return { outcome, reason: params.get('reason'), integrationId: params.get('integration') };
}

const REASONS: Record<string, { title: string; detail: string }> = {
  access_denied: {
    title: 'Access was declined',
    detail: 'Nothing was connected because the consent screen was declined. Connect again and allow read access to continue.',
  },
  expired_state: {
    title: 'The sign-in took too long',
    detail: 'The authorization expired after 10 minutes. Please connect again.',
  },
  exchange_failed: {
    title: 'The provider refused the authorization',
    detail: 'The sign-in could not be completed with the provider. Please try connecting again in a moment.',
  },
  missing_scope: {
    title: 'Read permission was not granted',
    detail: 'The permission to read the account was unticked on the consent screen. Connect again and keep it ticked.',
  },
  missing_refresh_token: {
    title: 'Offline access was not granted',
    detail:
      'Google did not allow access while you are away, which syncs need. Remove WebProMetrics under “Third-party access” in your Google account, then connect again.',
  },
  integration_unavailable: {
    title: 'The integration is gone',
    detail: 'It was disconnected while you were signing in. Connect it again if you still need it.',
  },
  invalid_state: {
    title: 'This sign-in link is not valid any more',
    detail:
      'It was already used, is unknown, or was opened in another browser than the one that started it. Start again from the client’s Integrations panel.',
  },
};

/** The banner for a return from the provider, in words a user understands (never the raw reason code alone). */
export function oauthReturnMessage(ret: OAuthReturn, providerName?: string): OAuthMessage {
  const what = providerName ?? 'The integration';
  if (ret.outcome === 'connected') {
    return {
      tone: 'success',
      title: `${what} is connected`,
      detail: 'The first sync is running; the dashboard fills in as soon as it is done.',
    };
  }
  const known = ret.reason ? REASONS[ret.reason] : undefined;
  if (known) return { tone: 'error', title: `${providerName ? `${providerName}: ` : ''}${known.title}`, detail: known.detail };
  return {
    tone: 'error',
    title: `${providerName ? `Connecting ${providerName}` : 'Connecting'} failed`,
    detail: ret.reason ? `The provider answered “${ret.reason}”. Please try again.` : 'Please try again.',
  };
}
