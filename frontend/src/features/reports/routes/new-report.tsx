import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorBanner } from '@/components/error-banner';
import { NotAllowed } from '@/components/not-allowed';
import { Spinner } from '@/components/spinner';
import { useMetricLookup } from '@/features/metrics';
import { useAgencyTimeZone, useAuth } from '@/lib/auth';
import { useCreateReport } from '../api/create-report';
import { useClientOptions } from '../api/get-client-options';
import { canEditReports } from '../components/permissions';
import { ReportForm } from '../components/report-form';
import { emptyReportForm, toCreateRequest } from '../utils/report-form';

export function NewReportRoute() {
  const { user } = useAuth();
  if (!canEditReports(user)) return <NotAllowed>Your role can read and export reports but not create them.</NotAllowed>;
  return <NewReportForm />;
}

function NewReportForm() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const clients = useClientOptions();
  const { lookup, ready } = useMetricLookup();
  const timeZone = useAgencyTimeZone();
  const create = useCreateReport();
  const clientId = params.get('clientId') ?? '';
  const back = clientId ? `/reports?clientId=${encodeURIComponent(clientId)}` : '/reports';

  return (
    <section className="page page--narrow">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/reports">Reports</Link> <span aria-hidden="true">/</span> New
      </nav>
      <header className="page__header">
        <h1 className="page__title">New report</h1>
      </header>
      {(clients.isPending || !ready) && <Spinner label="Loading clients and metrics…" />}
      {clients.isError && <ErrorBanner error={clients.error} onRetry={() => void clients.refetch()} />}
      {clients.data && ready && (
        <div className="card">
          <ReportForm
            initial={emptyReportForm(clients.data.some((c) => c.id === clientId) ? clientId : '')}
            clients={clients.data}
            lookup={lookup}
            timeZone={timeZone}
            submitLabel="Create report"
            pending={create.isPending}
            error={create.error}
            onCancel={() => navigate(back)}
            onSubmit={(values) =>
              create.mutate(toCreateRequest(values), { onSuccess: (result) => navigate(`/reports/${result.id}`) })
            }
          />
        </div>
      )}
    </section>
  );
}
