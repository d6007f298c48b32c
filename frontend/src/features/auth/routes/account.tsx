import { useState, type FormEvent } from 'react';
import { ErrorBanner } from '@/components/error-banner';
import { FormField } from '@/components/form-field';
import { useAuth } from '@/lib/auth';
import { splitError } from '@/lib/form';
import { useChangePassword } from '../api/passwords';

const FIELDS = ['currentPassword', 'newPassword'] as const;

/** The signed-in user's own account: who they are, and changing the password (other sessions end). */
export function AccountRoute() {
  const { user } = useAuth();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [missing, setMissing] = useState<{ currentPassword?: string; newPassword?: string }>({});
  const change = useChangePassword();
  const { fieldErrors, bannerError } = splitError(change.error, FIELDS);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = {
      currentPassword: currentPassword ? undefined : 'Enter your current password.',
      newPassword: newPassword ? undefined : 'Choose a new password.',
    };
    setMissing(problems);
    if (problems.currentPassword || problems.newPassword) return;
    const done = await change.mutateAsync({ currentPassword, newPassword }).catch(() => null);
    if (done) {
      setCurrentPassword('');
      setNewPassword('');
    }
  };

  return (
    <section className="page">
      <header className="page__header">
        <h1 className="page__title">Account</h1>
        {user && <p className="page__subtitle">{user.email} · {user.agencyName}</p>}
      </header>
      <form className="form card" onSubmit={onSubmit} noValidate aria-label="Change password">
        <h2>Change password</h2>
        {change.isSuccess && (
          <div className="banner banner--success" role="status">
            Password changed. You stay signed in here; every other session has ended.
          </div>
        )}
        <ErrorBanner error={bannerError} />
        <FormField
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.target.value)}
          error={missing.currentPassword ?? fieldErrors.currentPassword}
        />
        <FormField
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
          error={missing.newPassword ?? fieldErrors.newPassword}
        />
        <button type="submit" className="button button--primary" disabled={change.isPending}>
          Change password
        </button>
      </form>
    </section>
  );
}
