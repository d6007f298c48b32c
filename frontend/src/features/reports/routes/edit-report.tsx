import { Link, useNavigate, useParams } from 'react-router';
import { ErrorBanner } from '@/components/error-banner';
import { Spinner } from '@/components/spinner';
import { useMetricLookup } from '@/features/metrics';
import { useAgencyTimeZone, useAuth } from '@/lib/auth';
import { useClientOptions } from '../api/get-client-options';
import { useReport } from '../api/get-report';
import { useUpdateReport } from '../api/update-report';
import { canEditReports } from '../components/permissions';
import { ReportForm } from '../components/report-form';
import { reportToForm, toPatch } from '../utils/report-form';

export function EditReportRoute() {
  const { reportId = '' } = useParams();
  const navigate = useNavigate();
  const report = useReport(reportId);
  const clients = useClientOptions();
  const { lookup, ready } = useMetricLookup();
  const timeZone = useAgencyTimeZone();
  const update = useUpdateReport(reportId);
  const { user } = useAuth();
  const view = `/reports/${reportId}`;

  if (report.isPending || clients.isPending || !ready) return <Spinner label="Loading report…" />;
  if (report.isError || clients.isError) {
    return (
      <section className="page">
        <ErrorBanner error={report.error ?? clients.error} onRetry={() => void report.refetch()} />
        <Link to="/reports">Back to reports</Link>
      </section>
    );
  }
  if (!canEditReports(user)) {
    return (
      <section className="page">
        <p className="notice">Your role can read and export reports but not change them.</p>
        <Link to={view}>Back to the report</Link>
      </section>
    );
  }

  const saved = report.data;
  return (
    <section className="page page--narrow">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/reports">Reports</Link> <span aria-hidden="true">/</span> <Link to={view}>{saved.title}</Link>{' '}
        <span aria-hidden="true">/</span> Edit
      </nav>
      <header className="page__header">
        <h1 className="page__title">Edit report</h1>
      </header>
      <div className="card">
        <ReportForm
          key={saved.updatedAt}
          initial={reportToForm(saved)}
          clients={clients.data}
          lookup={lookup}
          timeZone={timeZone}
          clientLocked
          submitLabel="Save changes"
          pending={update.isPending}
          error={update.error}
          onCancel={() => navigate(view)}
          onSubmit={(values) => {
            const patch = toPatch(saved, values);
            if (Object.keys(patch).length === 0) navigate(view);
            else update.mutate(patch, { onSuccess: () => navigate(view) });
          }}
        />
      </div>
    </section>
  );
}
