import { useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { ErrorBanner } from '@/components/error-banner';
import { FormField } from '@/components/form-field';
import { splitError } from '@/lib/form';
import { useResetPassword } from '../api/passwords';
import { AuthLayout } from './auth-layout';

/** The token comes in the link's fragment (#token=…), which never reaches a server or its logs. */
function tokenFromHash(hash: string): string {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}

export function ResetPasswordRoute() {
  const { hash } = useLocation();
  const token = tokenFromHash(hash);
  const [newPassword, setNewPassword] = useState('');
  const [missing, setMissing] = useState<string>();
  const reset = useResetPassword();
  const { fieldErrors, bannerError } = splitError(reset.error, ['newPassword', 'token'] as const);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setMissing(newPassword ? undefined : 'Choose a new password.');
    if (!newPassword) return;
    await reset.mutateAsync({ token, newPassword }).catch(() => null);
  };

  if (reset.isSuccess) {
    return (
      <AuthLayout title="Password changed" subtitle="Every session of your account has ended.">
        <p className="auth-card__footer">
          <Link to="/login">Log in with the new password</Link>
        </p>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Choose a new password" subtitle="At least 12 characters; a few unrelated words work well.">
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorBanner error={token ? bannerError : new Error('This link has no token. Ask for a new one.')} />
        <FormField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
          error={missing ?? fieldErrors.newPassword}
        />
        <button type="submit" className="button button--primary button--block" disabled={reset.isPending || !token}>
          Set the new password
        </button>
      </form>
      <p className="auth-card__footer">
        <Link to="/forgot-password">Ask for a new link</Link>
      </p>
    </AuthLayout>
  );
}
