import { useState, type FormEvent } from 'react';
import { ErrorBanner } from '@/components/error-banner';
import { FormField } from '@/components/form-field';
import { useDownloadCheckpointKey, useExportAuditLog } from '../api/downloads';
import { exportRange } from '../utils/export-range';

/** Downloads the export and the public key that, together, let anyone check the log without us. */
export function ExportPanel({ timeZone }: { timeZone: string }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const exportLog = useExportAuditLog();
  const key = useDownloadCheckpointKey();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    exportLog.mutate(exportRange(from, to, timeZone));
  };

  return (
    <section className="card panel" aria-labelledby="export-title">
      <h2 className="panel__title" id="export-title">
        Export
      </h2>
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Export the audit log">
        <div className="form__row">
          <FormField label="Export from" type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} />
          <FormField label="Export to" type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} />
        </div>
        <p className="field__hint">Days are in {timeZone}. Leave both empty to export the whole log.</p>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={exportLog.isPending} aria-busy={exportLog.isPending}>
            Export
          </button>
          <button type="button" className="button" disabled={key.isPending} onClick={() => key.mutate()}>
            Download public key
          </button>
        </div>
      </form>
      <ErrorBanner error={exportLog.error ?? key.error} />
      <p className="audit-offline">
        To verify an export offline, run <code>./wpm audit verify &lt;file&gt; --key &lt;key file&gt;</code> with the
        downloaded public key: it recomputes every hash and checks the checkpoint’s signature without asking the server.
      </p>
    </section>
  );
}
