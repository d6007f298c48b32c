import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorBanner } from '@/components/error-banner';
import { FormField } from '@/components/form-field';
import { useAuth } from '@/lib/auth';
import { splitError } from '@/lib/form';
import { useLogin } from '../api/login';
import { AuthLayout } from './auth-layout';
import { safeRedirect } from './redirect-target';

const FIELDS = ['email', 'password'] as const;

export function LoginRoute() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ email?: string; password?: string }>({});
  const login = useLogin();
  const { startSession } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { fieldErrors, bannerError } = splitError(login.error, FIELDS);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = {
      email: email.trim() ? undefined : 'Enter your e-mail address.',
      password: password ? undefined : 'Enter your password.',
    };
    setMissing(problems);
    if (problems.email || problems.password) return;
    const tokens = await login.mutateAsync({ email: email.trim(), password }).catch(() => null);
    if (!tokens) return;
    await startSession(tokens);
    navigate(safeRedirect(params.get('redirectTo')), { replace: true });
  };

  return (
    <AuthLayout title="Log in" subtitle="Welcome back.">
      <form className="form" onSubmit={onSubmit} noValidate>
        <ErrorBanner error={bannerError} />
        <FormField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={missing.email ?? fieldErrors.email}
        />
        <FormField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={missing.password ?? fieldErrors.password}
        />
        <button type="submit" className="button button--primary button--block" disabled={login.isPending}>
          Log in
        </button>
      </form>
      <p className="auth-card__footer">
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <p className="auth-card__footer">
        New to WebProMetrics? <Link to="/signup">Create an agency</Link>
      </p>
    </AuthLayout>
  );
}
