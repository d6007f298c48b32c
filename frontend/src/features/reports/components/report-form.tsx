import { useId, useRef, useState, type FormEvent } from 'react';
import { ErrorBanner } from '@/components/error-banner';
import { FormField, SelectField } from '@/components/form-field';
import type { MetricLookup } from '@/features/metrics';
import type { FieldErrors } from '@/lib/api-error';
import { RELATIVE_RANGES } from '../api/types';
import type { ClientOption } from '../api/get-client-options';
import { splitReportError, validateReportForm, type ReportFormValues } from '../utils/report-form';
import { MetricPicker } from './metric-picker';

type Props = {
  initial: ReportFormValues;
  clients: ClientOption[];
  lookup: MetricLookup;
  timeZone: string;
  /** editing: the client of a saved report cannot change */
  clientLocked?: boolean;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: ReportFormValues) => void;
  onCancel: () => void;
};

export function ReportForm({ initial, clients, lookup, timeZone, clientLocked, submitLabel, pending, error, onSubmit, onCancel }: Props) {
  const [values, setValues] = useState<ReportFormValues>(initial);
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const { fieldErrors, bannerError } = splitReportError(error, values, lookup.label);
  const errors: FieldErrors = { ...fieldErrors, ...localErrors };
  const ids = { relative: useId(), fixed: useId(), scheduled: useId(), zone: useId() };
  const formRef = useRef<HTMLFormElement>(null);

  const set = <K extends keyof ReportFormValues>(field: K, value: ReportFormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    // the message was about the old value
    setLocalErrors(({ [field]: _gone, ...rest }) => rest);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = validateReportForm(values);
    setLocalErrors(problems);
    if (Object.keys(problems).length === 0) {
      onSubmit(values);
      return;
    }
    // keyboard and screen-reader users land on the first thing to fix
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .field--invalid input')?.focus(),
    );
  };

  // an archived client of a saved report is not among the active options, but the select must still show it
  const clientOptions = clients.some((c) => c.id === values.clientId) || !values.clientId
    ? clients
    : [...clients, { id: values.clientId, name: 'Current client', status: 'archived' as const }];

  return (
    <form ref={formRef} className="form report-form" onSubmit={submit} noValidate aria-label="Report">
      <ErrorBanner error={bannerError} />
      <section className="form__section" aria-labelledby="report-basics">
        <h2 className="form__section-title" id="report-basics">
          Report
        </h2>
        <div className="form__row">
          <SelectField
            label="Client"
            name="clientId"
            value={values.clientId}
            disabled={clientLocked}
            onChange={(e) => set('clientId', e.target.value)}
            error={errors.clientId}
          >
            <option value="">Choose a client…</option>
            {clientOptions.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <FormField label="Title" name="title" value={values.title} onChange={(e) => set('title', e.target.value)} error={errors.title} maxLength={200} />
        </div>
      </section>

      <section className="form__section" aria-label="Metrics">
        <MetricPicker lookup={lookup} selected={values.metrics} onChange={(m) => set('metrics', m)} error={errors.metrics} />
      </section>

      <section className="form__section" aria-labelledby="report-range">
        <h2 className="form__section-title" id="report-range">
          Date range
        </h2>
        <div className="radio-row" role="radiogroup" aria-labelledby="report-range" aria-describedby={ids.zone}>
          <label className="checkbox" htmlFor={ids.relative}>
            <input
              id={ids.relative}
              type="radio"
              name="rangeMode"
              checked={values.rangeMode === 'relative'}
              onChange={() => set('rangeMode', 'relative')}
            />
            Rolling (moves with the calendar)
          </label>
          <label className="checkbox" htmlFor={ids.fixed}>
            <input id={ids.fixed} type="radio" name="rangeMode" checked={values.rangeMode === 'fixed'} onChange={() => set('rangeMode', 'fixed')} />
            Fixed dates
          </label>
        </div>
        {values.rangeMode === 'relative' ? (
          <SelectField
            label="Period"
            name="range"
            value={values.range}
            onChange={(e) => set('range', e.target.value as ReportFormValues['range'])}
            error={errors.range}
            hint="Ends yesterday, worked out each time the report is opened or sent."
          >
            {RELATIVE_RANGES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </SelectField>
        ) : (
          <div className="form__row">
            <FormField label="From" name="from" type="date" value={values.from} max={values.to || undefined} onChange={(e) => set('from', e.target.value)} error={errors.from} />
            <FormField label="To" name="to" type="date" value={values.to} min={values.from || undefined} onChange={(e) => set('to', e.target.value)} error={errors.to} />
          </div>
        )}
        <p className="field__hint" id={ids.zone}>
          Days are in {timeZone}.
        </p>
      </section>

      <section className="form__section" aria-labelledby="report-schedule">
        <h2 className="form__section-title" id="report-schedule">
          E-mail schedule
        </h2>
        <label className="checkbox" htmlFor={ids.scheduled}>
          <input id={ids.scheduled} type="checkbox" checked={values.scheduled} onChange={(e) => set('scheduled', e.target.checked)} />
          Send this report by e-mail on a schedule
        </label>
        {values.scheduled && (
          <>
            <div className="form__row">
              <SelectField
                label="Frequency"
                name="frequency"
                value={values.frequency}
                onChange={(e) => set('frequency', e.target.value as ReportFormValues['frequency'])}
                error={errors['schedule.frequency']}
                hint={`Sent at 06:00, ${timeZone}.`}
              >
                <option value="weekly">Weekly, on Mondays</option>
                <option value="monthly">Monthly, on the 1st</option>
              </SelectField>
              <SelectField
                label="Format"
                name="format"
                value={values.format}
                onChange={(e) => set('format', e.target.value as ReportFormValues['format'])}
                error={errors['schedule.format']}
              >
                <option value="pdf">PDF</option>
                <option value="csv">CSV</option>
              </SelectField>
            </div>
            <FormField
              label="Recipients"
              name="recipients"
              multiline
              rows={2}
              value={values.recipients}
              onChange={(e) => set('recipients', e.target.value)}
              error={errors['schedule.recipients']}
              hint="E-mail addresses, separated by commas or new lines (up to 20)."
            />
          </>
        )}
      </section>

      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
