import { useState, type FormEvent } from 'react';
import { ErrorBanner } from '@/components/error-banner';
import { FormField } from '@/components/form-field';
import { splitError } from '@/lib/form';
import type { Provider } from '../api/types';
import { settingsFor, toSettings } from '../utils/provider-settings';

type Props = {
  provider: Provider;
  pending: boolean;
  error: unknown;
  onSubmit: (settings: Record<string, string>) => void;
  onCancel: () => void;
};

/** The account to read at an OAuth provider; submitting sends the browser to the provider's consent page. */
export function ConnectOAuthForm({ provider, pending, error, onSubmit, onCancel }: Props) {
  const fields = settingsFor(provider.key);
  const [values, setValues] = useState<Record<string, string>>({});
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const { fieldErrors, bannerError } = splitError(
    error,
    fields.map((f) => `settings.${f.name}`),
  );
  const errors = { ...fieldErrors, ...localErrors };
  const signInWith = provider.key === 'meta-ads' ? 'Facebook' : 'Google';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { settings, errors: problems } = toSettings(provider.key, values);
    setLocalErrors(problems);
    if (Object.keys(problems).length === 0) onSubmit(settings);
  };

  return (
    <form className="form connect-form" onSubmit={submit} noValidate aria-label={`Connect ${provider.name}`}>
      <h3 className="connect-form__title">Connect {provider.name}</h3>
      <p className="connect-form__text">
        You will sign in with {signInWith} and allow read-only access; then you come back here.
      </p>
      <ErrorBanner error={bannerError} />
      {fields.map((field) => (
        <FormField
          key={field.name}
          label={field.label}
          name={field.name}
          hint={field.hint}
          placeholder={field.placeholder}
          inputMode={field.inputMode}
          autoComplete="off"
          required={field.required}
          value={values[field.name] ?? ''}
          onChange={(e) => {
            setValues((v) => ({ ...v, [field.name]: e.target.value }));
            setLocalErrors(({ [`settings.${field.name}`]: _fixed, ...rest }) => rest);
          }}
          error={errors[`settings.${field.name}`]}
        />
      ))}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? 'Opening sign-in…' : `Continue to ${signInWith}`}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
