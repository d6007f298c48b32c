import { ErrorBanner } from '@/components/error-banner';
import { useExportReport } from '../api/export-report';
import type { ReportFormat } from '../api/types';

const FORMATS: { format: ReportFormat; label: string }[] = [
  { format: 'csv', label: 'Export CSV' },
  { format: 'pdf', label: 'Export PDF' },
];

/** Downloads through the authenticated API; the file keeps the name the server gives it. */
type Props = {
  reportId: string;
  compact?: boolean;
  /** in a list of reports: which report the buttons export, for their accessible names */
  subject?: string;
};

export function ExportButtons({ reportId, compact = false, subject }: Props) {
  const exportFile = useExportReport(reportId);
  return (
    <>
      <span className="button-row">
        {FORMATS.map(({ format, label }) => {
          const busy = exportFile.isPending && exportFile.variables === format;
          return (
            <button
              key={format}
              type="button"
              className={compact ? 'button button--small' : 'button'}
              disabled={exportFile.isPending}
              aria-busy={busy}
              aria-label={subject ? `${label} of ${subject}` : undefined}
              onClick={() => exportFile.mutate(format)}
            >
              {busy ? 'Preparing…' : label}
            </button>
          );
        })}
      </span>
      {exportFile.isError && (
        <div className="button-row__error">
          <ErrorBanner error={exportFile.error} />
        </div>
      )}
    </>
  );
}
