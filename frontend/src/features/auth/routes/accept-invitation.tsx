import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { ErrorBanner } from '@/components/error-banner';
import { FormField } from '@/components/form-field';
import { useAuth } from '@/lib/auth';
import { splitError } from '@/lib/form';
import { useAcceptInvitation } from '../api/accept-invitation';
import { PASSWORD_MIN_LENGTH } from '../api/signup';
import { AuthLayout } from './auth-layout';
import { HOME } from './redirect-target';

const FIELDS = ['name', 'password'] as const;

export function AcceptInvitationRoute() {
  const [params] = useSearchParams();
  const { hash } = useLocation();
  // links carry the token in the fragment; links sent before that, in the query
  const inviteToken = new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? params.get('token') ?? '';
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [local, setLocal] = useState<{ name?: string; password?: string }>({});
  const accept = useAcceptInvitation();
  const { startSession } = useAuth();
  const navigate = useNavigate();
  const { fieldErrors, bannerError } = splitError(accept.error, FIELDS);

  if (!inviteToken) {
    return (
      <AuthLayout title="Invitation link incomplete">
        <p>This link has no invitation token. Ask your agency admin to send the invitation again.</p>
        <p className="auth-card__footer">
          <Link to="/login">Go to log in</Link>
        </p>
      </AuthLayout>
    );
  }

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = {
      name: name.trim() ? undefined : 'Enter your name.',
      password: password.length >= PASSWORD_MIN_LENGTH ? undefined : `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
    };
    setLocal(problems);
    if (problems.name || problems.password) return;
    const tokens = await accept.mutateAsync({ inviteToken, name: name.trim(), password }).catch(() => null);
    if (!tokens) return;
    await startSession(tokens);
    navigate(HOME, { replace: true });
  };

  return (
    <AuthLayout title="Join your team" subtitle="Choose your name and a password to accept the invitation.">
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorBanner error={bannerError} />
        <FormField label="Your name" name="name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} error={local.name ?? fieldErrors.name} />
        <FormField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={local.password ?? fieldErrors.password}
          hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        />
        <button type="submit" className="button button--primary button--block" disabled={accept.isPending}>
          Accept invitation
        </button>
      </form>
    </AuthLayout>
  );
}
