import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ErrorBanner } from '@/components/error-banner';
import { FormField, SelectField } from '@/components/form-field';
import { useAuth } from '@/lib/auth';
import { isEmail, splitError } from '@/lib/form';
import { browserTimeZone, timeZoneChoices } from '@/lib/time-zone';
import { PASSWORD_MIN_LENGTH, useSignup } from '../api/signup';
import { AuthLayout } from './auth-layout';
import { HOME } from './redirect-target';

const FIELDS = ['agencyName', 'name', 'email', 'password', 'timeZone'] as const;
type Values = Record<(typeof FIELDS)[number], string>;

function validate(v: Values): Partial<Values> {
  const errors: Partial<Values> = {};
  if (!v.agencyName.trim()) errors.agencyName = 'Enter your agency’s name.';
  if (!v.name.trim()) errors.name = 'Enter your name.';
  if (!isEmail(v.email)) errors.email = 'Enter a valid e-mail address.';
  if (v.password.length < PASSWORD_MIN_LENGTH) errors.password = `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  return errors;
}

export function SignupRoute() {
  // the browser's zone is almost always the agency's; the select is there for the exceptions
  const [values, setValues] = useState<Values>(() => ({
    agencyName: '',
    name: '',
    email: '',
    password: '',
    timeZone: browserTimeZone() ?? 'UTC',
  }));
  const [zones] = useState(() => timeZoneChoices(values.timeZone));
  const [localErrors, setLocalErrors] = useState<Partial<Values>>({});
  const signup = useSignup();
  const { startSession } = useAuth();
  const navigate = useNavigate();
  const { fieldErrors, bannerError } = splitError(signup.error, FIELDS);
  const errors = { ...fieldErrors, ...localErrors };

  const set = (field: keyof Values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = validate(values);
    setLocalErrors(problems);
    if (Object.keys(problems).length > 0) return;
    const result = await signup.mutateAsync({ ...values, email: values.email.trim() }).catch(() => null);
    if (!result) return;
    await startSession(result);
    navigate(HOME, { replace: true });
  };

  return (
    <AuthLayout title="Create your agency" subtitle="Start your free trial — no card needed.">
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorBanner error={bannerError} />
        <FormField label="Agency name" name="agencyName" autoComplete="organization" value={values.agencyName} onChange={set('agencyName')} error={errors.agencyName} />
        <FormField label="Your name" name="name" autoComplete="name" value={values.name} onChange={set('name')} error={errors.name} />
        <FormField label="Email" name="email" type="email" autoComplete="email" value={values.email} onChange={set('email')} error={errors.email} />
        <FormField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={set('password')}
          error={errors.password}
          hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        />
        <SelectField
          label="Time zone"
          name="timeZone"
          value={values.timeZone}
          onChange={set('timeZone')}
          error={errors.timeZone}
          hint="Dashboards and reports count days in this zone."
        >
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button--primary button--block" disabled={signup.isPending}>
          {signup.isPending ? 'Signing up…' : 'Sign up'}
        </button>
      </form>
      <p className="auth-card__footer">
        Already have an account? <Link to="/login">Log in</Link>
      </p>
    </AuthLayout>
  );
}
