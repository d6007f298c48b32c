import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorBanner } from '@/components/error-banner';
import { FormField } from '@/components/form-field';
import { splitError } from '@/lib/form';
import { useRequestPasswordReset } from '../api/passwords';
import { AuthLayout } from './auth-layout';

export function ForgotPasswordRoute() {
  const [email, setEmail] = useState('');
  const [missing, setMissing] = useState<string>();
  const request = useRequestPasswordReset();
  const { fieldErrors, bannerError } = splitError(request.error, ['email'] as const);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setMissing(email.trim() ? undefined : 'Enter your e-mail address.');
    if (!email.trim()) return;
    await request.mutateAsync(email.trim()).catch(() => null);
  };

  if (request.isSuccess) {
    return (
      <AuthLayout title="Check your e-mail" subtitle="If an account uses that address, a link to choose a new password is on its way.">
        <p>The link works once, for 30 minutes. Nothing arrived? Look in the spam folder, or ask again.</p>
        <p className="auth-card__footer">
          <Link to="/login">Back to log in</Link>
        </p>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Forgot your password?" subtitle="We e-mail you a link to choose a new one.">
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorBanner error={bannerError} />
        <FormField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={missing ?? fieldErrors.email}
        />
        <button type="submit" className="button button--primary button--block" disabled={request.isPending}>
          Send the link
        </button>
      </form>
      <p className="auth-card__footer">
        <Link to="/login">Back to log in</Link>
      </p>
    </AuthLayout>
  );
}
