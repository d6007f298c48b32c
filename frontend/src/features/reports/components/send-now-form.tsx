import { useState, type FormEvent } from 'react';
import { ErrorBanner } from '@/components/error-banner';
import { FormField, SelectField } from '@/components/form-field';
import type { FieldErrors } from '@/lib/api-error';
import { useSendReport } from '../api/send-report';
import type { Report, ReportFormat } from '../api/types';
import { normalizeListErrors, parseRecipients, splitListError } from '../utils/report-form';

/** "Send now": to the schedule's recipients by default, or to whoever is typed in. */
export function SendNowForm({ report }: { report: Report }) {
  const send = useSendReport(report.id);
  const [recipients, setRecipients] = useState(report.schedule?.recipients.join(', ') ?? '');
  const [format, setFormat] = useState<ReportFormat>(report.schedule?.format ?? 'pdf');
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const [sentTo, setSentTo] = useState<string[] | null>(null);
  const { fieldErrors, bannerError } = splitListError(send.error, ['recipients', 'format'], (errors) =>
    normalizeListErrors(errors, { recipients: parseRecipients(recipients) }),
  );
  const errors: FieldErrors = { ...fieldErrors, ...localErrors };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const list = parseRecipients(recipients);
    if (list.length === 0) {
      setLocalErrors({ recipients: 'Add at least one e-mail address.' });
      return;
    }
    setLocalErrors({});
    setSentTo(null);
    send.mutate({ recipients: list, format }, { onSuccess: () => setSentTo(list) });
  };

  return (
    <form className="form send-now" onSubmit={submit} noValidate aria-label="Send now">
      <ErrorBanner error={bannerError} />
      <div className="send-now__row">
        <FormField
          label="Recipients"
          name="sendRecipients"
          value={recipients}
          onChange={(e) => setRecipients(e.target.value)}
          error={errors.recipients}
          hint="Separate addresses with commas."
        />
        <SelectField label="Format" name="sendFormat" value={format} onChange={(e) => setFormat(e.target.value as ReportFormat)} error={errors.format}>
          <option value="pdf">PDF</option>
          <option value="csv">CSV</option>
        </SelectField>
        <button type="submit" className="button button--primary" disabled={send.isPending}>
          {send.isPending ? 'Sending…' : 'Send now'}
        </button>
      </div>
      {sentTo && !send.isPending && (
        <p className="form__saved" role="status">
          On its way to {sentTo.join(', ')} — the history below shows when it was delivered.
        </p>
      )}
    </form>
  );
}
