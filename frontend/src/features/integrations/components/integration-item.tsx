import { useState } from 'react';
import { formatDateTime, formatRelative } from '@/lib/format';
import type { Integration, Provider } from '../api/types';
import { reconnectNeed } from '../utils/sync-watch';
import { CsvUpload } from './csv-upload';
import { IntegrationStatusBadge } from './integration-status-badge';

type Props = {
  integration: Integration;
  provider: Provider | undefined;
  editable: boolean;
  busy: boolean;
  onSync: () => void;
  onReconnect: () => void;
  onDisconnect: () => void;
};

export function IntegrationItem({ integration, provider, editable, busy, onSync, onReconnect, onDisconnect }: Props) {
  const [confirming, setConfirming] = useState(false);
  const name = provider?.name ?? integration.provider;
  const live = integration.status !== 'disconnected';
  const need = reconnectNeed(integration, provider);
  // a sync cannot start while consent is outstanding or the grant is gone: reconnect first
  const canSync = live && need === null && integration.status !== 'syncing';

  return (
    <li className="integration" aria-label={`${name} integration`}>
      <div className="integration__main">
        <div>
          <span className="table__primary">{name}</span>{' '}
          {integration.accountName && integration.accountName !== name && (
            <span className="table__secondary">{integration.accountName}</span>
          )}
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
            {need && (
              <button type="button" className="button button--small button--primary" disabled={busy} onClick={onReconnect}>
                {need === 'authorize' ? 'Continue authorization' : 'Reconnect'}
              </button>
            )}
            {need === null && (
              <button type="button" className="button button--small" disabled={busy || !canSync} onClick={onSync}>
                {integration.status === 'syncing' ? 'Syncing…' : 'Sync now'}
              </button>
            )}
            {confirming ? (
              <span className="confirm">
                <button
                  type="button"
                  className="button button--small button--danger"
                  disabled={busy}
                  onClick={() => {
                    setConfirming(false);
                    onDisconnect();
                  }}
                >
                  Confirm disconnect
                </button>
                <button type="button" className="button button--small button--ghost" onClick={() => setConfirming(false)}>
                  Cancel
                </button>
              </span>
            ) : (
              <button type="button" className="button button--small button--danger" disabled={busy} onClick={() => setConfirming(true)}>
                Disconnect
              </button>
            )}
          </span>
        )}
      </div>
      {integration.status === 'pending' && (
        <p className="integration__note">
          Waiting for consent at {name}. If the sign-in window was closed, continue the authorization.
        </p>
      )}
      {integration.lastError && (
        <p className="integration__error">
          <strong>Last error:</strong> {integration.lastError}
        </p>
      )}
      {editable && live && integration.provider === 'csv' && <CsvUpload integrationId={integration.id} />}
    </li>
  );
}
