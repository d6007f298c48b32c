import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ErrorBanner } from '@/components/error-banner';
import { Spinner } from '@/components/spinner';
import { useIntegrations } from '../api/get-integrations';
import { useProviders } from '../api/get-providers';
import {
  useConnectIntegration,
  useDisconnectIntegration,
  useReconnectIntegration,
  useSyncIntegration,
} from '../api/mutations';
import { staleAfterSync, type Integration, type Provider } from '../api/types';
import { goToConsentPage, isSafeAuthorizeUrl } from '../utils/provider-settings';
import { finishedSyncs, POLL_WINDOW_MS } from '../utils/sync-watch';
import { ConnectOAuthForm } from './connect-oauth-form';
import { IntegrationItem } from './integration-item';

type Props = { clientId: string; editable: boolean };

const UNAVAILABLE_REASON = 'Not set up on this server yet: an administrator has to register the app with the provider first.';

export function IntegrationsPanel({ clientId, editable }: Props) {
  // look at syncs in progress for a bounded while after the page opened or after anything was started here
  const [pollUntil, setPollUntil] = useState(() => Date.now() + POLL_WINDOW_MS);
  const watch = () => setPollUntil(Date.now() + POLL_WINDOW_MS);
  const integrations = useIntegrations(clientId, pollUntil);
  const providers = useProviders();
  const connect = useConnectIntegration(clientId);
  const reconnect = useReconnectIntegration();
  const sync = useSyncIntegration();
  const disconnect = useDisconnectIntegration();
  const [connecting, setConnecting] = useState<Provider | null>(null);
  const [redirectError, setRedirectError] = useState<Error | null>(null);
  useRefreshWhenSyncsFinish(integrations.data);

  const oauthProviders = (providers.data ?? []).filter((p) => p.authType === 'oauth2');
  const byKey = (key: string) => providers.data?.find((p) => p.key === key);
  const active = (integrations.data ?? []).filter((i) => i.status !== 'disconnected');

  const toConsent = (url: string | undefined) => {
    if (isSafeAuthorizeUrl(url)) goToConsentPage(url);
    else setRedirectError(new Error('The server did not answer with a sign-in page to go to.'));
  };

  const connectSimple = (provider: string, accountName: string) => {
    setConnecting(null);
    connect.mutate({ provider, accountName }, { onSuccess: watch });
  };

  return (
    <section className="card panel" aria-labelledby="integrations-title">
      <header className="panel__header">
        <h2 id="integrations-title" className="panel__title">
          Integrations
        </h2>
        {editable && (
          <div className="panel__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={connect.isPending}
              onClick={() => connectSimple('demo', 'Demo data')}
            >
              {connect.isPending && connect.variables?.provider === 'demo' ? 'Connecting…' : 'Connect demo data'}
            </button>
            <button type="button" className="button" disabled={connect.isPending} onClick={() => connectSimple('csv', 'CSV upload')}>
              Connect CSV
            </button>
          </div>
        )}
      </header>
      {editable && oauthProviders.length > 0 && (
        <ul className="provider-list" aria-label="Marketing accounts">
          {oauthProviders.map((p) => (
            <li key={p.key} className="provider-list__item">
              <button
                type="button"
                className={connecting?.key === p.key ? 'button button--small button--selected' : 'button button--small'}
                disabled={!p.available || connect.isPending}
                aria-describedby={p.available ? undefined : `unavailable-${p.key}`}
                aria-expanded={p.available ? connecting?.key === p.key : undefined}
                onClick={() => {
                  connect.reset();
                  setConnecting(connecting?.key === p.key ? null : p);
                }}
              >
                Connect {p.name}
              </button>
              {!p.available && (
                <span className="provider-list__reason" id={`unavailable-${p.key}`} title={UNAVAILABLE_REASON}>
                  Not available on this server
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && connecting && (
        <ConnectOAuthForm
          key={connecting.key}
          provider={connecting}
          pending={connect.isPending}
          error={connect.error}
          onCancel={() => setConnecting(null)}
          onSubmit={(settings) =>
            connect.mutate({ provider: connecting.key, settings }, { onSuccess: (result) => toConsent(result.authorizeUrl) })
          }
        />
      )}
      <ErrorBanner error={(connecting ? null : connect.error) ?? reconnect.error ?? sync.error ?? disconnect.error ?? redirectError} />
      {integrations.isPending && <Spinner label="Loading integrations…" />}
      {integrations.isError && <ErrorBanner error={integrations.error} onRetry={() => void integrations.refetch()} />}
      {integrations.data && integrations.data.length === 0 && (
        <p className="panel__empty">No integrations yet. Connect demo data to see the dashboard in action.</p>
      )}
      {integrations.data && integrations.data.length > 0 && (
        <ul className="integration-list">
          {integrations.data.map((integration: Integration) => (
            <IntegrationItem
              key={integration.id}
              integration={integration}
              provider={byKey(integration.provider)}
              editable={editable}
              busy={
                (sync.isPending && sync.variables === integration.id) ||
                (disconnect.isPending && disconnect.variables === integration.id) ||
                (reconnect.isPending && reconnect.variables === integration.id)
              }
              onSync={() => sync.mutate(integration.id, { onSuccess: watch })}
              onReconnect={() => reconnect.mutate(integration.id, { onSuccess: (result) => toConsent(result.authorizeUrl) })}
              onDisconnect={() => disconnect.mutate(integration.id)}
            />
          ))}
        </ul>
      )}
      {integrations.data && active.length === 0 && integrations.data.length > 0 && (
        <p className="panel__empty">All integrations are disconnected.</p>
      )}
    </section>
  );
}

/** When a sync finishes, its data is new: dashboards and reports' computed data are refetched. */
function useRefreshWhenSyncsFinish(integrations: Integration[] | undefined) {
  const queryClient = useQueryClient();
  const previous = useRef<Integration[] | undefined>(undefined);
  useEffect(() => {
    if (finishedSyncs(previous.current, integrations).length > 0) {
      for (const queryKey of staleAfterSync) void queryClient.invalidateQueries({ queryKey: [...queryKey] });
    }
    previous.current = integrations;
  }, [integrations, queryClient]);
}
