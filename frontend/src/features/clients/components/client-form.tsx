import { useState, type FormEvent, type ReactNode } from 'react';
import { ErrorBanner } from '@/components/error-banner';
import { FormField } from '@/components/form-field';
import { isEmail, splitError } from '@/lib/form';

export const CLIENT_FIELDS = ['name', 'website', 'industry', 'contactEmail', 'notes'] as const;
export type ClientFormValues = Record<(typeof CLIENT_FIELDS)[number], string>;

export const emptyClientForm: ClientFormValues = { name: '', website: '', industry: '', contactEmail: '', notes: '' };

type ClientFormProps = {
  initial: ClientFormValues;
  submitLabel: string;
  onSubmit: (values: ClientFormValues) => void;
  error: unknown;
  pending: boolean;
  readOnly?: boolean;
  footer?: ReactNode;
};

function validate(v: ClientFormValues): Partial<ClientFormValues> {
  const errors: Partial<ClientFormValues> = {};
  if (!v.name.trim()) errors.name = 'Enter the client’s name.';
  if (v.contactEmail.trim() && !isEmail(v.contactEmail)) errors.contactEmail = 'Enter a valid e-mail address.';
  return errors;
}

export function ClientForm({ initial, submitLabel, onSubmit, error, pending, readOnly = false, footer }: ClientFormProps) {
  const [values, setValues] = useState<ClientFormValues>(initial);
  const [localErrors, setLocalErrors] = useState<Partial<ClientFormValues>>({});
  const { fieldErrors, bannerError } = splitError(error, CLIENT_FIELDS);
  const errors = { ...fieldErrors, ...localErrors };

  const set = (field: keyof ClientFormValues) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = validate(values);
    setLocalErrors(problems);
    if (Object.keys(problems).length === 0) onSubmit(values);
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <ErrorBanner error={bannerError} />
      <fieldset className="form__fieldset" disabled={readOnly}>
        <FormField label="Client name" name="name" value={values.name} onChange={set('name')} error={errors.name} required />
        <div className="form__row">
          <FormField label="Website" name="website" type="url" placeholder="https://example.com" value={values.website} onChange={set('website')} error={errors.website} />
          <FormField label="Industry" name="industry" value={values.industry} onChange={set('industry')} error={errors.industry} />
        </div>
        <FormField label="Contact email" name="contactEmail" type="email" value={values.contactEmail} onChange={set('contactEmail')} error={errors.contactEmail} />
        <FormField label="Notes" name="notes" multiline value={values.notes} onChange={set('notes')} error={errors.notes} />
      </fieldset>
      <div className="form__actions">
        {!readOnly && (
          <button type="submit" className="button button--primary" disabled={pending}>
            {submitLabel}
          </button>
        )}
        {footer}
      </div>
    </form>
  );
}
