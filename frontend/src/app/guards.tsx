import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { Spinner } from '@/components/spinner';
import { safeRedirect } from '@/features/auth';
import { useAuth } from '@/lib/auth';

function FullPageSpinner() {
  return (
    <div className="full-page">
      <Spinner label="Signing you in…" />
    </div>
  );
}

/** Signed-in area: anonymous visitors go to /login and come back afterwards. */
export function RequireAuth() {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <FullPageSpinner />;
  if (status === 'anonymous') {
    const back = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?redirectTo=${encodeURIComponent(back)}`} replace />;
  }
  return <Outlet />;
}

/** Login and signup: a signed-in user has nothing to do there. */
export function AnonymousOnly({ children }: { children: ReactNode }) {
  const { status } = useAuth();
  const [params] = useSearchParams();
  if (status === 'loading') return <FullPageSpinner />;
  if (status === 'authenticated') return <Navigate to={safeRedirect(params.get('redirectTo'))} replace />;
  return <>{children}</>;
}
