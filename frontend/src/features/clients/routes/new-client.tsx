import { Link, useNavigate } from 'react-router';
import { NotAllowed } from '@/components/not-allowed';
import { useAuth } from '@/lib/auth';
import { optional } from '@/lib/form';
import { useCreateClient } from '../api/create-client';
import { ClientForm, emptyClientForm, type ClientFormValues } from '../components/client-form';
import { canEditClients } from '../components/permissions';

export function NewClientRoute() {
  const { user } = useAuth();
  if (!canEditClients(user)) return <NotAllowed>Your role can read clients but not add them.</NotAllowed>;
  return <NewClientForm />;
}

function NewClientForm() {
  const create = useCreateClient();
  const navigate = useNavigate();

  const onSubmit = (v: ClientFormValues) =>
    create.mutate(
      {
        name: v.name.trim(),
        website: optional(v.website),
        industry: optional(v.industry),
        contactEmail: optional(v.contactEmail),
        notes: optional(v.notes),
      },
      { onSuccess: () => navigate('/clients') },
    );

  return (
    <section className="page page--narrow">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/clients">Clients</Link> <span aria-hidden="true">/</span> New
      </nav>
      <header className="page__header">
        <h1 className="page__title">New client</h1>
      </header>
      <div className="card">
        <ClientForm initial={emptyClientForm} submitLabel="Create client" onSubmit={onSubmit} error={create.error} pending={create.isPending} />
      </div>
    </section>
  );
}
