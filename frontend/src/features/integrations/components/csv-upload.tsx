import { useId, useState, type FormEvent } from 'react';
import { ErrorBanner } from '@/components/error-banner';
import { formatNumber } from '@/lib/format';
import { useImportCsv } from '../api/mutations';

export function CsvUpload({ integrationId }: { integrationId: string }) {
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const upload = useImportCsv();
  const result = upload.data;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (file) upload.mutate({ id: integrationId, file });
  };

  return (
    <form className="csv-upload" onSubmit={onSubmit}>
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          CSV file
        </label>
        <input
          id={inputId}
          className="input"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <button type="submit" className="button" disabled={!file || upload.isPending}>
        {upload.isPending ? 'Uploading…' : 'Upload'}
      </button>
      <ErrorBanner error={upload.error} />
      {result && !upload.isPending && (
        <div className="csv-upload__result" role="status">
          <p>
            {formatNumber(result.rowsAccepted)} rows accepted, {formatNumber(result.rowsRejected)} rows rejected
            {typeof result.daysRecorded === 'number' && ` · ${formatNumber(result.daysRecorded)} days recorded`}
          </p>
          {result.errors?.length > 0 && (
            <ul className="csv-upload__errors" aria-label="Rejected rows">
              {result.errors.map((err) => (
                <li key={`${err.line}-${err.message}`}>
                  Line {err.line}: {err.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
