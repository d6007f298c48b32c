import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorBanner } from '@/components/error-banner';
import { ClientDashboard } from '@/features/dashboard';
import { IntegrationsPanel, OAuthReturnNotice } from '@/features/integrations';
import { ClientReportsPanel } from '@/features/reports';
import { Spinner } from '@/components/spinner';
import { useAuth } from '@/lib/auth';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useSetClientArchived } from '../api/archive-client';
import { useClient } from '../api/get-client';
import type { Client } from '../api/types';
import { useUpdateClient } from '../api/update-client';
import { ClientForm, type ClientFormValues } from '../components/client-form';
import { diffClient } from '../components/client-patch';
import { canEditClients } from '../components/permissions';
import { StatusBadge } from '../components/status-badge';

function toFormValues(c: Client): ClientFormValues {
  return {
    name: c.name,
    website: c.website ?? '',
    industry: c.industry ?? '',
    contactEmail: c.contactEmail ?? '',
    notes: c.notes ?? '',
  };
}

export function ClientRoute() {
  const { clientId = '' } = useParams();
  const client = useClient(clientId);
  const { user } = useAuth();

  if (client.isPending) return <Spinner label="Loading client…" />;
  if (client.isError) {
    return (
      <section className="page">
        <ErrorBanner error={client.error} onRetry={() => void client.refetch()} />
        <Link to="/clients">Back to clients</Link>
      </section>
    );
  }
  return <ClientDetail client={client.data} editable={canEditClients(user)} />;
}

function ClientDetail({ client, editable }: { client: Client; editable: boolean }) {
  const update = useUpdateClient(client.id);
  const archive = useSetClientArchived(client.id);
  const [saved, setSaved] = useState(false);
  const initial = toFormValues(client);
  const archived = client.status === 'archived';

  const onSave = (values: ClientFormValues) => {
    const patch = diffClient(initial, values);
    setSaved(false);
    if (Object.keys(patch).length === 0) {
      setSaved(true);
      return;
    }
    update.mutate(patch, { onSuccess: () => setSaved(true) });
  };

  return (
    <section className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/clients">Clients</Link> <span aria-hidden="true">/</span> {client.name}
      </nav>
      <header className="page__header">
        <div>
          <h1 className="page__title">
            {client.name} <StatusBadge status={client.status} />
          </h1>
          <p className="page__subtitle">
            Added {formatDateTime(client.createdAt)} · updated {formatDateTime(client.updatedAt)} ·{' '}
            {formatNumber(client.integrationCount)} integrations
          </p>
        </div>
        {editable && (
          <button
            type="button"
            className={archived ? 'button' : 'button button--danger'}
            disabled={archive.isPending}
            onClick={() => archive.mutate(!archived)}
          >
            {archived ? 'Restore' : 'Archive'}
          </button>
        )}
      </header>
      <OAuthReturnNotice clientId={client.id} />
      <ErrorBanner error={archive.error} />
      {archived && <p className="notice">This client is archived. Restore it to make changes.</p>}
      <ClientDashboard clientId={client.id} />
      <IntegrationsPanel clientId={client.id} editable={editable && !archived} />
      <ClientReportsPanel clientId={client.id} archived={archived} />
      <div className="card page--narrow">
        <h2 id="details-title" className="panel__title">
          Details
        </h2>
        {/* keyed by updatedAt so the form resets to what the server holds after each save */}
        <ClientForm
          key={client.updatedAt}
          initial={initial}
          submitLabel="Save"
          onSubmit={onSave}
          error={update.error}
          pending={update.isPending}
          readOnly={!editable || archived}
          footer={
            saved && !update.isPending ? (
              <span className="form__saved" role="status">
                Saved
              </span>
            ) : null
          }
        />
      </div>
    </section>
  );
}
