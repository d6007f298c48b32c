import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { EmptyState } from '@/components/empty-state';
import { ErrorBanner } from '@/components/error-banner';
import { Spinner } from '@/components/spinner';
import { ToggleChips } from '@/components/toggle-chips';
import { MetricCharts, useMetricLookup, type MetricLookup } from '@/features/metrics';
import { useAuth } from '@/lib/auth';
import { formatDateTime, formatDayRange } from '@/lib/format';
import { useReport } from '../api/get-report';
import type { ReportDetail } from '../api/types';
import { DeleteReportButton } from '../components/delete-report-button';
import { DeliveryHistory } from '../components/delivery-history';
import { ExportButtons } from '../components/export-buttons';
import { canEditReports } from '../components/permissions';
import { ReportKpiTable } from '../components/report-kpi-table';
import { ReportProviderTable } from '../components/report-provider-table';
import { SendNowForm } from '../components/send-now-form';
import { describeRange, describeSchedule } from '../utils/report-summary';

const MAX_CHARTS = 4;

export function ReportRoute() {
  const { reportId = '' } = useParams();
  const report = useReport(reportId);
  const { lookup, ready } = useMetricLookup();

  if (report.isPending || !ready) return <Spinner label="Loading report…" />;
  if (report.isError) {
    return (
      <section className="page">
        <ErrorBanner error={report.error} onRetry={() => void report.refetch()} />
        <Link to="/reports">Back to reports</Link>
      </section>
    );
  }
  return <ReportView report={report.data} lookup={lookup} refreshing={report.isFetching} />;
}

function ReportView({ report, lookup, refreshing }: { report: ReportDetail; lookup: MetricLookup; refreshing: boolean }) {
  const { user } = useAuth();
  const navigate = useNavigate();
  const editable = canEditReports(user);
  const data = report.data;
  const hasNumbers = data.byProvider.length > 0 || data.kpis.some((k) => k.value !== null);
  // the PDF charts the first two metrics: start from the same picture
  const [charted, setCharted] = useState<string[]>(() => report.metrics.slice(0, 2));
  const shownCharts = charted.filter((m) => report.metrics.includes(m));

  return (
    <section className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/reports">Reports</Link> <span aria-hidden="true">/</span> {report.title}
      </nav>
      <header className="page__header page__header--wrap">
        <div>
          <h1 className="page__title">{report.title}</h1>
          <p className="page__subtitle">
            <Link to={`/clients/${report.clientId}`}>{report.clientName}</Link> · {describeRange(report)} · days are in{' '}
            {report.timeZone}
          </p>
        </div>
        <div className="page__actions">
          <ExportButtons reportId={report.id} />
          {editable && (
            <Link className="button" to={`/reports/${report.id}/edit`}>
              Edit
            </Link>
          )}
          {editable && (
            <DeleteReportButton
              reportId={report.id}
              title={report.title}
              onDeleted={() => navigate(`/reports?clientId=${encodeURIComponent(report.clientId)}`, { replace: true })}
            />
          )}
        </div>
      </header>

      <dl className="facts">
        <div>
          <dt>Period</dt>
          <dd>
            {formatDayRange(data.from, data.to)}
            {data.previousFrom && data.previousTo && (
              <span className="table__secondary"> · compared with {formatDayRange(data.previousFrom, data.previousTo)}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Schedule</dt>
          <dd>{describeSchedule(report.schedule)}</dd>
        </div>
        <div>
          <dt>Generated</dt>
          <dd>
            {formatDateTime(data.generatedAt)}
            {refreshing && <span className="table__secondary"> · updating…</span>}
          </dd>
        </div>
      </dl>
      {data.dataAsOf.length > 0 && (
        <ul className="freshness" aria-label="Data as of">
          {data.dataAsOf.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {!data.currency && data.currencies.length > 1 && (
        <p className="notice">Money metrics mix currencies ({data.currencies.join(', ')}) and are shown without a symbol.</p>
      )}

      {!hasNumbers && (
        <EmptyState title="No data for this period yet">
          Connect an integration for {report.clientName}, or pick a period its data covers.
        </EmptyState>
      )}
      {hasNumbers && (
        <>
          <section className="card panel" aria-labelledby="report-numbers">
            <h2 className="panel__title" id="report-numbers">
              Numbers
            </h2>
            <ReportKpiTable data={data} lookup={lookup} />
          </section>
          <section className="card panel" aria-labelledby="report-chart">
            <div className="dashboard__chart-head">
              <h2 className="panel__title" id="report-chart">
                Per day
              </h2>
              <ToggleChips
                label="Charted metrics"
                options={report.metrics.map((m) => ({ value: m, label: lookup.label(m) }))}
                selected={shownCharts.length > 0 ? shownCharts : report.metrics.slice(0, 1)}
                max={MAX_CHARTS}
                onChange={setCharted}
              />
            </div>
            <MetricCharts
              series={data.series}
              metrics={shownCharts.length > 0 ? shownCharts : report.metrics.slice(0, 1)}
              lookup={lookup}
              currency={data.currency}
            />
          </section>
          <section className="card panel" aria-labelledby="report-sources">
            <h2 className="panel__title" id="report-sources">
              By data source
            </h2>
            <ReportProviderTable data={data} lookup={lookup} />
          </section>
        </>
      )}

      <section className="card panel" aria-labelledby="report-deliveries">
        <h2 className="panel__title" id="report-deliveries">
          E-mail deliveries
        </h2>
        {editable && <SendNowForm report={report} />}
        <DeliveryHistory reportId={report.id} />
      </section>
    </section>
  );
}
