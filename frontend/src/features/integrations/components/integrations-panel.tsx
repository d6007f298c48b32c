import { ErrorBanner } from '@/components/error-banner';
import { Spinner } from '@/components/spinner';
import { formatDateTime, formatRelative } from '@/lib/format';
import { useIntegrations } from '../api/get-integrations';
import { useProviders } from '../api/get-providers';
import { useConnectIntegration, useDisconnectIntegration, useSyncIntegration } from '../api/mutations';
import { AVAILABLE_PROVIDERS, type Integration, type Provider } from '../api/types';
import { CsvUpload } from './csv-upload';
import { IntegrationStatusBadge } from './integration-status-badge';

type Props = { clientId: string; editable: boolean };

function providerName(providers: Provider[] | undefined, key: string): string {
  return providers?.find((p) => p.key === key)?.name ?? key;
}

export function IntegrationsPanel({ clientId, editable }: Props) {
  const integrations = useIntegrations(clientId);
  const providers = useProviders();
  const connect = useConnectIntegration(clientId);
  const sync = useSyncIntegration();
  const disconnect = useDisconnectIntegration();
  const comingSoon = (providers.data ?? []).filter((p) => !AVAILABLE_PROVIDERS.includes(p.key));
  const active = (integrations.data ?? []).filter((i) => i.status !== 'disconnected');

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
              onClick={() => connect.mutate({ provider: 'demo', accountName: 'Demo data' })}
            >
              {connect.isPending && connect.variables?.provider === 'demo' ? 'Connecting…' : 'Connect demo data'}
            </button>
            <button
              type="button"
              className="button"
              disabled={connect.isPending}
              onClick={() => connect.mutate({ provider: 'csv', accountName: 'CSV upload' })}
            >
              Connect CSV
            </button>
          </div>
        )}
      </header>
      {editable && comingSoon.length > 0 && (
        <ul className="coming-soon" aria-label="More providers">
          {comingSoon.map((p) => (
            <li key={p.key}>
              <button type="button" className="button button--small" disabled title="Not available yet">
                {p.name} <span className="coming-soon__note">coming soon</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorBanner error={connect.error ?? sync.error ?? disconnect.error} />
      {integrations.isPending && <Spinner label="Loading integrations…" />}
      {integrations.isError && <ErrorBanner error={integrations.error} onRetry={() => void integrations.refetch()} />}
      {integrations.data && integrations.data.length === 0 && (
        <p className="panel__empty">No integrations yet. Connect demo data to see the dashboard in action.</p>
      )}
      {integrations.data && integrations.data.length > 0 && (
        <ul className="integration-list">
          {integrations.data.map((integration) => (
            <IntegrationItem
              key={integration.id}
              integration={integration}
              name={providerName(providers.data, integration.provider)}
              editable={editable}
              busy={(sync.isPending && sync.variables === integration.id) || (disconnect.isPending && disconnect.variables === integration.id)}
              onSync={() => sync.mutate(integration.id)}
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

type ItemProps = {
  integration: Integration;
  name: string;
  editable: boolean;
  busy: boolean;
  onSync: () => void;
  onDisconnect: () => void;
};

function IntegrationItem({ integration, name, editable, busy, onSync, onDisconnect }: ItemProps) {
  const live = integration.status !== 'disconnected';
  return (
    <li className="integration" aria-label={`${name} integration`}>
      <div className="integration__main">
        <div>
          <span className="table__primary">{name}</span>{' '}
          {integration.accountName && <span className="table__secondary">{integration.accountName}</span>}
        </div>
        <IntegrationStatusBadge status={integration.status} />
        <span className="table__secondary">
          Last sync:{' '}
          {integration.lastSyncAt ? (
            <time dateTime={integration.lastSyncAt} title={formatDateTime(integration.lastSyncAt)}>
              {formatRelative(integration.lastSyncAt)}
            </time>
          ) : (
            'never'
          )}
        </span>
        {editable && live && (
          <span className="integration__actions">
            <button type="button" className="button button--small" disabled={busy || integration.status === 'syncing'} onClick={onSync}>
              Sync now
            </button>
            <button type="button" className="button button--small button--danger" disabled={busy} onClick={onDisconnect}>
              Disconnect
            </button>
          </span>
        )}
      </div>
      {integration.lastError && (
        <p className="integration__error">
          <strong>Last error:</strong> {integration.lastError}
        </p>
      )}
      {editable && live && integration.provider === 'csv' && <CsvUpload integrationId={integration.id} />}
    </li>
  );
}
